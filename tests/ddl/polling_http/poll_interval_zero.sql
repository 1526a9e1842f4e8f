-- expect: error option::invalid_value
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'http://localhost:8080/status',
    poll_interval_ms = 0,
    format = 'raw_string'
);
