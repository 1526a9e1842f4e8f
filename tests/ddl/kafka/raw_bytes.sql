-- expect: ok +config
CREATE TABLE frames (value BYTEA NOT NULL) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'frames',
    type = 'source',
    format = 'raw_bytes'
);
