-- expect: error schema::column_mismatch
CREATE TABLE events (
    id BIGINT NOT NULL,
    name TEXT NOT NULL,
    codes INT[]
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'events',
    type = 'source',
    format = 'protobuf',
    protobuf.schema_file = 'legacy.proto'
);
