-- expect: error connector::connection_type
CREATE TEMPORARY TABLE lines (value TEXT) WITH (
    connector = 'single_file',
    path = '/data/input.txt',
    format = 'raw_string'
);
