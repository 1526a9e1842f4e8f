-- expect: ok +config
CREATE TABLE console (id BIGINT, note TEXT) WITH (
    connector = 'stdout',
    format = 'json'
);
