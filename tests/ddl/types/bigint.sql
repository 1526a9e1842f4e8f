-- expect: ok
CREATE TABLE events (
    a BIGINT,
    b INT8
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
