-- expect: ok
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'SOURCE',
    format = 'JSON',
    source.offset = 'EARLIEST'
);
