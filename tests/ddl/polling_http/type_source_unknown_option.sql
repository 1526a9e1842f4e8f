-- expect: error option::unknown
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'https://api.example.com/status',
    type = 'source',
    format = 'raw_string'
);
