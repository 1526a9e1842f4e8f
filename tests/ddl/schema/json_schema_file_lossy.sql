-- expect: warning schema::lossy
-- A schema from a file has no place in the script: the warning points at the option value.
CREATE TABLE orders WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'json',
    json.schema_file = 'unknown_type.json'
);
