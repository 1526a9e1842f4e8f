-- expect: error option::missing
CREATE TABLE orders_lake (id BIGINT) WITH (
    connector = 'delta',
    path = '/lake/orders',
    format = 'parquet'
);
