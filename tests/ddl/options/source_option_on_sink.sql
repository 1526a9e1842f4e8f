-- expect: error option::not_applicable
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'sink',
    format = 'json',
    source.offset = 'earliest'
);
