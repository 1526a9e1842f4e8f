-- expect: error option::invalid_value
CREATE TABLE events (id BIGINT) WITH (
    connector = 'rabbitmq',
    port = 'amqp',
    stream = 'events',
    type = 'source',
    format = 'json'
);
