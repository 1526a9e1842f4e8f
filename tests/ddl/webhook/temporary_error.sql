-- expect: error connector::connection_type
CREATE TEMPORARY TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'https://hooks.example.com/alerts',
    format = 'raw_string'
);
