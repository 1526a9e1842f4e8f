-- expect: ok
CREATE TABLE raw_events (
    value JSON
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'kafka:9092',
    topic = 'raw-events',
    type = 'source',
    format = 'json',
    'json.unstructured' = 'true'
);
