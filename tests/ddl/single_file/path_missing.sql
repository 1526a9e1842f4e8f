-- expect: error option::missing
CREATE TABLE lines (value TEXT) WITH (
    connector = 'single_file',
    type = 'source',
    format = 'raw_string'
);
