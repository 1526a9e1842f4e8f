-- expect: warning schema::recursive
CREATE TABLE nodes WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'nodes',
    type = 'source',
    format = 'avro',
    avro.schema_file = 'linked_list.avsc'
);
