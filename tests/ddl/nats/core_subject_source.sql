-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'nats',
    servers = 'nats://localhost:4222',
    type = 'source',
    subject = 'orders.>',
    format = 'json'
);
