-- expect: error option::invalid_value
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'ftp://files.example.com/alerts',
    format = 'raw_string'
);
