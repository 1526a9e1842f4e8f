-- expect: error option::invalid_value
CREATE TABLE events (id BIGINT) WITH (
    connector = 'rabbitmq',
    port = 70000,
    stream = 'events',
    type = 'source',
    format = 'json'
);
