-- expect: ok +config
CREATE TABLE console (value TEXT) WITH (
    connector = 'stdout',
    format = 'raw_string'
);
