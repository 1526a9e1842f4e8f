-- expect: error option::invalid_value
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'nats',
    servers = 'localhost:4222',
    auth.type = 'token',
    type = 'source',
    subject = 'orders',
    format = 'json'
);
