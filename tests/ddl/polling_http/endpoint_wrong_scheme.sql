-- expect: error option::invalid_value
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'wss://stream.example.com/status',
    format = 'raw_string'
);
