-- expect: error option::conflict
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'nats',
    servers = 'localhost:4222',
    type = 'source',
    subject = 'orders',
    consumer.ack_wait = 60,
    format = 'json'
);
