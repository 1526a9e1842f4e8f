-- expect: error option::invalid_value
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'nats',
    servers = 'localhost:4222',
    type = 'source',
    stream = 'ORDERS',
    consumer.sample_frequency = 150,
    format = 'json'
);
