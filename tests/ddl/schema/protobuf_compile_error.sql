-- expect: error schema::invalid
CREATE TABLE orders WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'protobuf',
    protobuf.schema = 'syntax = "proto3"; message M { strin id = 1; }'
);
