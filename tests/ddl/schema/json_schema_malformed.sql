-- expect: error schema::invalid
CREATE TABLE orders WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'json',
    json.schema = '{
        "type": "object",
        "properties": {
            "id": {"type": "integer"}
            "total": {"type": "number"}
        }
    }'
);
