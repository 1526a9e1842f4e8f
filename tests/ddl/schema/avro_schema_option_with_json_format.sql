-- expect: error option::unknown
CREATE TABLE orders WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'json',
    avro.schema_file = 'shop-orders-value.avsc'
);
