-- expect: error option::missing
CREATE TABLE lines (value TEXT) WITH (
    connector = 'single_file',
    path = '/data/input.txt',
    format = 'raw_string'
);
