-- expect: error option::unknown
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'https://hooks.example.com/alerts',
    type = 'sink',
    format = 'raw_string'
);
