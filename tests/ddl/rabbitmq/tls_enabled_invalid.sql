-- expect: error option::invalid_value
CREATE TABLE events (id BIGINT) WITH (
    connector = 'rabbitmq',
    tls_config.enabled = 'on',
    stream = 'events',
    type = 'source',
    format = 'json'
);
