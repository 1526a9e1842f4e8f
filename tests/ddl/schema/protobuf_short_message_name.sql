-- expect: ok
CREATE TABLE events WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'events',
    type = 'source',
    format = 'protobuf',
    protobuf.schema_file = 'legacy.proto',
    protobuf.message_name = 'Event'
);
