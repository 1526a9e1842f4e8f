-- expect: warning option::deprecated
CREATE TABLE events (id BIGINT, at TIMESTAMP) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json',
    event_time_field = at
);
