-- expect: ok
CREATE TABLE readings (
    date_string TEXT NOT NULL,
    "timestamp" TIMESTAMP NOT NULL GENERATED ALWAYS AS (CAST(date_string AS TIMESTAMP)),
    WATERMARK FOR "timestamp" AS CAST(date_string AS TIMESTAMP) - INTERVAL '5 seconds'
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'kafka:9092',
    topic = 'readings',
    type = 'source',
    format = 'json'
);
