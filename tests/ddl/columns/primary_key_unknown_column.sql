-- expect: error column::unknown
CREATE TABLE events (
    id BIGINT NOT NULL,
    name TEXT,
    PRIMARY KEY (user_id) NOT ENFORCED
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
