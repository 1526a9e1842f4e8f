-- expect: error schema::not_found
CREATE TABLE payments WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    schema_registry.endpoint = 'http://registry:8081',
    topic = 'payments',
    type = 'source',
    format = 'avro',
    avro.confluent_schema_registry = true
);
