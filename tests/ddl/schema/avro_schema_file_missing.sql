-- expect: error schema::not_found
CREATE TABLE missing WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'missing',
    type = 'source',
    format = 'avro',
    avro.schema_file = 'no_such_file.avsc'
);
