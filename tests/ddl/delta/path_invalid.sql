-- expect: error option::invalid_value
CREATE TABLE orders_lake (id BIGINT) WITH (
    connector = 'delta',
    type = 'sink',
    path = 'lake/orders',
    format = 'parquet'
);
