-- expect: error format::missing
CREATE TABLE events (id BIGINT) WITH (
    connector = 'rabbitmq',
    stream = 'events',
    type = 'source'
);
