-- expect: error connector::connection_type
CREATE TABLE orders_lake (id BIGINT) WITH (
    connector = 'delta',
    type = 'source',
    path = '/lake/orders',
    format = 'parquet'
);
