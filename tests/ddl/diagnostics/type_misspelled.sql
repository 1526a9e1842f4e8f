-- expect: error type::unknown
CREATE TABLE events (id BIGNT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
