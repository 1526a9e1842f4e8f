-- expect: ok
CREATE TABLE events (
    a VARBINARY,
    b BLOB,
    c BYTES
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
