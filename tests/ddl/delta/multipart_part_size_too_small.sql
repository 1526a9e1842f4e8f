-- expect: error option::invalid_value
CREATE TABLE orders_lake (id BIGINT) WITH (
    connector = 'delta',
    type = 'sink',
    path = 's3://lake/orders',
    format = 'parquet',
    multipart.target_part_size = '4mb'
);
