-- expect: error option::missing
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'nats',
    type = 'source',
    subject = 'orders',
    format = 'json'
);
