-- expect: ok
CREATE TABLE clicks WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'clicks',
    type = 'source',
    format = 'avro',
    avro.schema = '{"type": "record", "name": "Click", "fields": [
        {"name": "url", "type": "string"},
        {"name": "user_id", "type": ["null", "long"]},
        {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}}
    ]}'
);
