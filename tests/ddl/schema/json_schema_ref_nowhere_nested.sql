-- expect: error schema::invalid
CREATE TABLE orders WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'json',
    json.schema = '{
        "$defs": {"money": {"type": "number"}},
        "properties": {
            "lines": {
                "type": "array",
                "items": {"properties": {"price": {"$ref": "#/$defs/mony"}}}
            }
        }
    }'
);
