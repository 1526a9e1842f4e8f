-- expect: error schema::not_found
CREATE TABLE orders WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'protobuf',
    protobuf.schema = 'syntax = "proto3"; import "shop/missing.proto"; message M { int64 id = 1; }'
);
