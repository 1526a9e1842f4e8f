-- expect: ok
-- A watermark on a generated TIMESTAMP column, with no expression.
CREATE TABLE events (
    id BIGINT,
    ts BIGINT NOT NULL,
    ts_time TIMESTAMP GENERATED ALWAYS AS (CAST(ts AS TIMESTAMP)),
    WATERMARK FOR ts_time
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
