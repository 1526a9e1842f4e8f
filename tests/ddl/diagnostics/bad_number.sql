-- expect: error option::invalid_value
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json',
    idle_micros = 'ten'
);
