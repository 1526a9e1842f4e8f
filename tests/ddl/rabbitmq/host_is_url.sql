-- expect: error option::invalid_value
CREATE TABLE events (id BIGINT) WITH (
    connector = 'rabbitmq',
    host = 'rabbitmq-stream://rabbit:5552',
    stream = 'events',
    type = 'source',
    format = 'json'
);
