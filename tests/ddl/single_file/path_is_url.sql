-- expect: error option::invalid_value
CREATE TABLE events (id BIGINT) WITH (
    connector = 'single_file',
    path = 's3://bucket/events.json',
    type = 'source',
    format = 'json'
);
