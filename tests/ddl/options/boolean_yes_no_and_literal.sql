-- expect: ok
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'sink',
    format = 'json',
    json.include_schema = 'yes',
    json.confluent_schema_registry = 'no'
);
