-- expect: error schema::not_found
CREATE TABLE events WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'avro',
    'avro.schema_file' = 'nowhere.avsc'
);
