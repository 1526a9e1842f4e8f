-- expect: error type::struct_field
CREATE TABLE events (
    point STRUCT<x INT, x INT>
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
