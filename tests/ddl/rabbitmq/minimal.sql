-- expect: ok +config
CREATE TABLE events (id BIGINT) WITH (
    connector = 'rabbitmq',
    stream = 'events',
    type = 'source',
    format = 'json'
);
