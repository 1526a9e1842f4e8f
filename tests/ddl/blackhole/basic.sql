-- expect: ok +config
CREATE TABLE discard (id BIGINT, payload TEXT) WITH (
    connector = 'blackhole'
);
