-- expect: error option::invalid_value
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'https://api.example.com/status',
    headers = 'Accept: application/json, Authorization Bearer s3cr3t-token-value',
    format = 'raw_string'
);
