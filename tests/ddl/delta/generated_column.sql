-- expect: error column::conflict
CREATE TABLE orders_lake (
    id BIGINT,
    amount DOUBLE,
    doubled DOUBLE GENERATED ALWAYS AS (amount * 2)
) WITH (
    connector = 'delta',
    type = 'sink',
    path = '/lake/orders',
    format = 'parquet'
);
