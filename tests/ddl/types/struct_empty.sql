-- expect: error type::struct_field
CREATE TABLE events (
    s STRUCT<>
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
