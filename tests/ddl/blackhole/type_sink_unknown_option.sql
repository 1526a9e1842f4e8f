-- expect: error option::unknown
CREATE TABLE discard (id BIGINT) WITH (
    connector = 'blackhole',
    type = 'sink'
);
