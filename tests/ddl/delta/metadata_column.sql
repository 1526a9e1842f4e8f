-- expect: error metadata::unknown
CREATE TABLE orders_lake (
    id BIGINT,
    part INT METADATA FROM 'partition'
) WITH (
    connector = 'delta',
    type = 'sink',
    path = '/lake/orders',
    format = 'parquet'
);
