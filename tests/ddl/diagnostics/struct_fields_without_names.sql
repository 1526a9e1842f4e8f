-- expect: error type::struct_field
-- A struct whose fields have types but no names is one mistake, said once.
CREATE TABLE points (p STRUCT<INT, INT, TEXT>) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'points',
    type = 'source',
    format = 'json'
);
