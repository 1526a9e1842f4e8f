-- expect: error option::missing
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'nats',
    servers = 'localhost:4222',
    type = 'source',
    format = 'json'
);
