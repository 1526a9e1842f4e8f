-- expect: error option::missing
CREATE TABLE out (id BIGINT) WITH (
    connector = 'nats',
    servers = 'localhost:4222',
    type = 'sink',
    format = 'json'
);
