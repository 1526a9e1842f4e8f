-- expect: ok
CREATE TABLE events (
    a FLOAT,
    b FLOAT4
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
