-- expect: error option::invalid_value
CREATE TABLE out (id BIGINT) WITH (
    connector = 'nats',
    servers = 'localhost:4222',
    type = 'sink',
    subject = true,
    format = 'json'
);
