-- expect: ok
CREATE TABLE events (
    a TEXT,
    b VARCHAR(255),
    c STRING,
    d VARCHAR,
    e CHAR(3)
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
