-- expect: error value::overflow
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'http://localhost:8080/status',
    poll_interval_ms = 9223372036854775808,
    format = 'raw_string'
);
