-- expect: ok
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'sink',
    format = 'json',
    value.subject = 'events-v2',
    sink.key_field = 'id'
);
