-- expect: error option::invalid_value option::invalid_value option::invalid_value option::unknown
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'htp://localhost:8080/status',
    headers = 'Accept application/json',
    method = 'GETT',
    poll_interval = 500,
    format = 'raw_string'
);
