-- expect: error type::unknown
CREATE TABLE events (
    user_id BIGIN
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
