-- expect: error option::conflict
CREATE TABLE orders WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'avro',
    avro.schema = '{"type": "record", "name": "R", "fields": []}',
    avro.schema_file = 'shop-orders-value.avsc'
);
