-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'nats',
    servers = 'localhost:4222',
    type = 'source',
    stream = 'ORDERS',
    format = 'json'
);
