-- expect: error option::missing
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    format = 'raw_string'
);
