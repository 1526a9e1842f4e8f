-- expect: error option::invalid_value
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'https://api.example.com/status',
    headers = 'X Api Key: {{ API_KEY }}',
    format = 'raw_string'
);
