-- expect: error option::invalid_value
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'https://hooks.example.com/alerts',
    headers = '{{ AUTH_HEADER }}: {{ AUTH_VALUE }}',
    format = 'raw_string'
);
