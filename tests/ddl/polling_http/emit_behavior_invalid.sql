-- expect: error option::invalid_value
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'http://localhost:8080/status',
    emit_behavior = 'changes',
    format = 'raw_string'
);
