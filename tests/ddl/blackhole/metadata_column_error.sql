-- expect: error metadata::unknown
CREATE TABLE discard (
    id BIGINT,
    t TEXT METADATA FROM 'topic'
) WITH (
    connector = 'blackhole'
);
