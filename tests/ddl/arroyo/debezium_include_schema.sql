-- expect: ok
CREATE TABLE customer_changes (
    id INT PRIMARY KEY,
    name TEXT,
    email TEXT
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'kafka:9092',
    topic = 'dbserver.public.customers',
    type = 'source',
    format = 'debezium_json',
    'json.include_schema' = 'true'
);
