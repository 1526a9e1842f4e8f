-- expect: error format::unsupported
CREATE TABLE orders_lake (id BIGINT) WITH (
    connector = 'delta',
    type = 'sink',
    path = '/lake/orders',
    format = 'json'
);
