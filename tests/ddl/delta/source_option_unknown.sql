-- expect: error option::unknown
CREATE TABLE orders_lake (id BIGINT) WITH (
    connector = 'delta',
    type = 'sink',
    path = '/lake/orders',
    format = 'parquet',
    source.regex_pattern = '.*'
);
