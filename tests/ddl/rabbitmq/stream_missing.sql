-- expect: error option::missing
CREATE TABLE events (id BIGINT) WITH (
    connector = 'rabbitmq',
    type = 'source',
    format = 'json'
);
