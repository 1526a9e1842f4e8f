-- expect: error connector::connection_type
CREATE TEMPORARY TABLE orders_lake (id BIGINT) WITH (
    connector = 'delta',
    path = '/lake/orders',
    format = 'parquet'
);
