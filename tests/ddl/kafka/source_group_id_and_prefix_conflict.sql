-- expect: error option::conflict
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'orders',
    type = 'source',
    format = 'json',
    source.group_id = 'orders-etl',
    source.group_id_prefix = 'orders-etl'
);
