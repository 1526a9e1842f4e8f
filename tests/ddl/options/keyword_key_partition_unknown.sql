-- expect: error option::unknown
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    partition = '3',
    type = 'source',
    format = 'json'
);
