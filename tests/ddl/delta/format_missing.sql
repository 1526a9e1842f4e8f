-- expect: error format::missing
CREATE TABLE orders_lake (id BIGINT) WITH (
    connector = 'delta',
    type = 'sink',
    path = '/lake/orders'
);
