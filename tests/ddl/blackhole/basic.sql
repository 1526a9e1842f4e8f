-- expect: ok
CREATE TABLE discard (id BIGINT, payload TEXT) WITH (
    connector = 'blackhole'
);
