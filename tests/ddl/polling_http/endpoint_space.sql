-- expect: error option::invalid_value
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'https://api.example.com/v1/daily report',
    format = 'raw_string'
);
