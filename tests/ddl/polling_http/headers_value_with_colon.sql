-- expect: ok +config
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'https://api.example.com/status',
    headers = 'Referer: https://example.com/dashboard',
    format = 'raw_string'
);
