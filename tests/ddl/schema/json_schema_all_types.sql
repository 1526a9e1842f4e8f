-- expect: warning schema::lossy schema::lossy schema::recursive
CREATE TABLE everything WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'everything',
    type = 'source',
    format = 'json',
    json.schema_file = 'all_json_types.json'
);
