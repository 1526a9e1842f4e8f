-- expect: warning schema::recursive schema::lossy schema::lossy
CREATE TABLE trees WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'trees',
    type = 'source',
    format = 'json',
    json.schema = '{
        "$defs": {"node": {"properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}},
        "properties": {
            "root": {"$ref": "#/$defs/node"},
            "point": {"type": "array", "prefixItems": [{"type": "number"}, {"type": "number"}]},
            "tags": {"anyOf": [{"type": "string"}, {"type": "integer"}]}
        }
    }'
);
