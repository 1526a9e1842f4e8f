-- expect: error schema::unsupported
CREATE TABLE orders WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'protobuf',
    protobuf.schema = 'edition = "2023"; package p; message M { int64 id = 1; }'
);
