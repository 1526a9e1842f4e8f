-- expect: error option::invalid_value
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'https://hooks.example.com/alerts',
    headers = 'X-Note: first line
second line',
    format = 'raw_string'
);
