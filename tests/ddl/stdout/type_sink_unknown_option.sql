-- expect: error option::unknown
CREATE TABLE console (id BIGINT) WITH (
    connector = 'stdout',
    type = 'sink',
    format = 'json'
);
