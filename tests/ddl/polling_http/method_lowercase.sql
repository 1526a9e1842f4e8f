-- expect: ok +config
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'http://localhost:8080/status',
    method = 'post',
    format = 'raw_string'
);
