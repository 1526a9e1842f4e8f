-- expect: error option::unknown
CREATE TABLE events (id BIGINT) WITH (
    Connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
