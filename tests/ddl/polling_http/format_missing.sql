-- expect: error format::missing
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    endpoint = 'http://localhost:8080/status'
);
