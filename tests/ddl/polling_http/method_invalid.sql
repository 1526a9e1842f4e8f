-- expect: error option::invalid_value
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'http://localhost:8080/status',
    method = 'DELETE',
    format = 'raw_string'
);
