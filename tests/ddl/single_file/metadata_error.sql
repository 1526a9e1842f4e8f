-- expect: error metadata::unknown
CREATE TABLE lines (
    value TEXT,
    file TEXT METADATA FROM 'path'
) WITH (
    connector = 'single_file',
    path = '/data/input.txt',
    type = 'source',
    format = 'raw_string'
);
