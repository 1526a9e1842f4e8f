-- expect: error option::invalid_value option::invalid_value
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'https://hooks.example.com/alerts',
    headers = 'Content-Type: application/json, X-Signature=sig-77aa99bb, Authorization Bearer tok-secret-55',
    format = 'raw_string'
);
