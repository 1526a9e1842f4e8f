-- expect: error connector::connection_type
CREATE TEMPORARY TABLE events (id BIGINT) WITH (
    connector = 'rabbitmq',
    stream = 'events',
    format = 'json'
);
