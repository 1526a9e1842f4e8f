-- expect: ok
CREATE TABLE logs (
    value TEXT NOT NULL,
    parsed JSON GENERATED ALWAYS AS (CAST(value AS JSON)),
    logged_at TIMESTAMP GENERATED ALWAYS AS (CAST(split_part(value, ' ', 1) AS TIMESTAMP))
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'kafka:9092',
    topic = 'logs',
    type = 'source',
    format = 'raw_string'
);
