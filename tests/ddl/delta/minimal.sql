-- expect: ok +config
CREATE TABLE orders_lake WITH (
    connector = 'delta',
    type = 'sink',
    path = '/lake/orders',
    format = 'parquet'
);
