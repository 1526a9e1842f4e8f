-- expect: error option::conflict
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'nats',
    servers = 'localhost:4222',
    auth.type = 'credentials',
    auth.username = 'reader',
    auth.password = 'nats-pass-not-shown',
    auth.jwt = 'eyJ-jwt-not-shown',
    type = 'source',
    subject = 'orders',
    format = 'json'
);
