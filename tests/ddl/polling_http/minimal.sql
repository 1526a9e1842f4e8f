-- expect: ok +config
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'http://localhost:8080/status',
    format = 'raw_string'
);
