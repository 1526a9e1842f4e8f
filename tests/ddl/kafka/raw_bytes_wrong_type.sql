-- expect: error format::shape
CREATE TABLE frames (value TEXT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'frames',
    type = 'sink',
    format = 'raw_bytes'
);
