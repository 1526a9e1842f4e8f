-- expect: error connector::connection_type
CREATE TEMPORARY TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'https://api.example.com/status',
    format = 'raw_string'
);
