-- expect: ok
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'sink',
    format = 'json',
    json.include_schema = 'TRUE',
    json.decimal_encoding = 'String'
);
