-- expect: ok
CREATE TABLE events (
    customer STRUCT<id BIGINT, name TEXT, address STRUCT<street TEXT, zip INT>>
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
