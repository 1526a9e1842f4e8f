-- expect: error option::invalid_value
CREATE TABLE events (id BIGINT) WITH (
    connector = 'rabbitmq',
    stream = 'events',
    type = 'source',
    source.offset = 'earliest',
    format = 'json'
);
