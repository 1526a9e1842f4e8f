-- expect: error format::missing
CREATE TABLE lines (value TEXT) WITH (
    connector = 'single_file',
    path = '/data/input.txt',
    type = 'source'
);
