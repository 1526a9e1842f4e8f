-- expect: error option::missing
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'nats',
    servers = 'localhost:4222',
    auth.type = 'credentials',
    auth.username = 'reader',
    type = 'source',
    subject = 'orders',
    format = 'json'
);
