-- expect: error schema::not_found
CREATE TABLE orders WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'protobuf',
    protobuf.schema_file = 'shop/order.proto',
    protobuf.message_name = 'shop.Ordr'
);
