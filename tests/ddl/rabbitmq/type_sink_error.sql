-- expect: error connector::connection_type
CREATE TABLE events (id BIGINT) WITH (
    connector = 'rabbitmq',
    stream = 'events',
    type = 'sink',
    format = 'json'
);
