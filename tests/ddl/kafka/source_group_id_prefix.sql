-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'orders',
    type = 'source',
    format = 'json',
    source.group_id_prefix = 'orders-etl'
);
