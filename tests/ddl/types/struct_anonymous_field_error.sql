-- expect: error type::struct_field
CREATE TABLE events (
    point STRUCT<INT, INT>
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
