-- expect: error option::invalid_value
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'https://{{ API_HOST }}/status',
    format = 'raw_string'
);
