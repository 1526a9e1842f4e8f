-- expect: ok
CREATE TABLE events (
    ts TIMESTAMP NOT NULL,
    CONSTRAINT wm WATERMARK FOR ts
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
