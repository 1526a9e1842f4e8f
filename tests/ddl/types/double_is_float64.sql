-- expect: ok
CREATE TABLE events (
    a DOUBLE,
    b FLOAT8
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
