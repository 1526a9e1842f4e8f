-- expect: ok +config
CREATE TABLE lines (value TEXT) WITH (
    connector = 'single_file',
    path = '/data/input.txt',
    type = 'source',
    format = 'raw_string',
    wait_for_control = false
);
