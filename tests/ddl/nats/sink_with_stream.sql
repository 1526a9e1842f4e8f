-- expect: error option::not_applicable
CREATE TABLE out (id BIGINT) WITH (
    connector = 'nats',
    servers = 'localhost:4222',
    type = 'sink',
    stream = 'ORDERS',
    subject = 'results',
    format = 'json'
);
