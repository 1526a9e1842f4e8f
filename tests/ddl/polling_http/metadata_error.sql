-- expect: error metadata::unknown
CREATE TABLE status (
    value TEXT,
    topic TEXT METADATA FROM 'topic'
) WITH (
    connector = 'polling_http',
    endpoint = 'https://api.example.com/status',
    format = 'raw_string'
);
