-- expect: error table::primary_key
CREATE TABLE events (
    id BIGINT PRIMARY KEY,
    name TEXT,
    PRIMARY KEY (id) NOT ENFORCED
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
