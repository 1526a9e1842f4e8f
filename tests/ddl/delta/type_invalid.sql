-- expect: error option::invalid_value
CREATE TABLE orders_lake (id BIGINT) WITH (
    connector = 'delta',
    type = 'sinks',
    path = '/lake/orders',
    format = 'parquet'
);
