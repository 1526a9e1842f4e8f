-- expect: error option::invalid_value
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'nats',
    servers = 'localhost:4222',
    type = 'lookup',
    subject = 'orders',
    format = 'json'
);
