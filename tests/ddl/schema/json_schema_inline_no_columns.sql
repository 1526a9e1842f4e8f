-- expect: ok
CREATE TABLE signups WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'signups',
    type = 'source',
    format = 'json',
    json.schema = '{
        "type": "object",
        "required": ["email", "at"],
        "properties": {
            "email": {"type": "string"},
            "at": {"type": "string", "format": "date-time"},
            "referrer": {"type": ["string", "null"]},
            "age": {"type": "integer", "format": "int32"}
        }
    }'
);
