-- expect: warning schema::lossy
CREATE TABLE orders WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'json',
    json.schema = '{
        "type": "object",
        "description": "the shop''s orders",
        "properties": {
            "id": {"type": "integer"},
            "customer": {
                "type": "object",
                "properties": {
                    "address": {
                        "type": "object",
                        "properties": {"zip": {"type": "strng"}}
                    }
                }
            }
        }
    }'
);
