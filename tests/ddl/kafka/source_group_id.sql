-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'orders',
    type = 'source',
    format = 'json',
    source.offset = 'group',
    source.group_id = 'orders-etl',
    source.read_mode = 'read_committed'
);
