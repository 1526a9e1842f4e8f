-- expect: error option::missing
CREATE TABLE status (value TEXT) WITH (
    connector = 'polling_http',
    format = 'raw_string'
);
