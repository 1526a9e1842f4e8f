-- expect: error metadata::unknown
CREATE TABLE orders (id BIGINT, s TEXT METADATA FROM 'subject') WITH (
    connector = 'nats',
    servers = 'localhost:4222',
    type = 'source',
    subject = 'orders',
    format = 'json'
);
