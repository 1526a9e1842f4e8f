-- Columns from schema definitions. Run with:
--   cargo run --example ddlc -- --schemas examples/schemas --output text examples/sql/schemas.sql

-- Protobuf, inline: the columns come from the message.
CREATE TABLE orders_pb WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders-pb',
    type = 'source',
    format = 'protobuf',
    protobuf.message_name = 'shop.Order',
    protobuf.schema = '
        syntax = "proto3";
        package shop;
        import "google/protobuf/timestamp.proto";
        message Order {
            int64 id = 1;
            string customer = 2;
            repeated string tags = 3;
            map<string, int32> quantities = 4;
            google.protobuf.Timestamp placed_at = 5;
        }'
);

-- Avro, from the registry subject `orders-value` (here a file in --schemas).
CREATE TABLE orders_avro (
    kafka_offset BIGINT METADATA FROM 'offset_id'
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    schema_registry.endpoint = 'http://localhost:8081',
    topic = 'orders',
    type = 'source',
    format = 'avro',
    avro.confluent_schema_registry = true
);

-- JSON Schema, inline, with no declared columns.
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
            "referrer": {"type": ["string", "null"]}
        }
    }'
);
