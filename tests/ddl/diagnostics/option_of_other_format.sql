-- expect: error option::unknown
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json',
    'avro.confluent_schema_registry' = 'true'
);
