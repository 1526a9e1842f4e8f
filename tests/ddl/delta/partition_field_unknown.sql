-- expect: error column::unknown
CREATE TABLE orders_lake (id BIGINT, region TEXT) WITH (
    connector = 'delta',
    type = 'sink',
    path = '/lake/orders',
    format = 'parquet',
    partitioning.fields = 'country'
);
