-- expect: warning schema::lossy
CREATE TABLE everything WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'everything',
    type = 'source',
    format = 'avro',
    avro.schema_file = 'all_avro_types.avsc'
);
