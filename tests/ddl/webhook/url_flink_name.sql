-- expect: error option::unknown option::missing
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    url = 'https://hooks.example.com/alerts',
    format = 'raw_string'
);
