-- expect: error option::conflict
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'nats',
    servers = 'localhost:4222',
    type = 'source',
    stream = 'ORDERS',
    subject = 'orders',
    format = 'json'
);
