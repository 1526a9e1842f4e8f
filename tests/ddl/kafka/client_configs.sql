-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'orders',
    type = 'source',
    format = 'json',
    client_configs = 'fetch.min.bytes=1024, session.timeout.ms=45000'
);
