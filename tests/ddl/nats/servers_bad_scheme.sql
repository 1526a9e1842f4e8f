-- expect: error option::invalid_value
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'nats',
    servers = 'http://nats-1:4222',
    type = 'source',
    subject = 'orders',
    format = 'json'
);
