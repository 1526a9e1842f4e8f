-- expect: error option::invalid_value
CREATE TABLE events (id BIGINT) WITH (
    connector = 'rabbitmq',
    stream = 'events',
    type = 'sorce',
    format = 'json'
);
