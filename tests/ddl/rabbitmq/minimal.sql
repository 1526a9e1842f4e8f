-- expect: ok
CREATE TABLE events (id BIGINT) WITH (
    connector = 'rabbitmq',
    stream = 'events',
    type = 'source',
    format = 'json'
);
