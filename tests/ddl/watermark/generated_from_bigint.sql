-- expect: ok
-- What `watermark::type` suggests for a BIGINT column compiles.
CREATE TABLE events (
    id BIGINT,
    ts BIGINT NOT NULL,
    ts_time TIMESTAMP GENERATED ALWAYS AS (CAST(ts AS TIMESTAMP)),
    WATERMARK FOR ts_time AS CAST(ts AS TIMESTAMP) - INTERVAL '5' SECOND
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
