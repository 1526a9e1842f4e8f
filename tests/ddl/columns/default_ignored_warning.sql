-- expect: warning table::constraint
CREATE TABLE events (
    id BIGINT,
    region TEXT DEFAULT 'eu'
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
