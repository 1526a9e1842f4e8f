-- expect: ok +config
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'http://localhost:3000/hook',
    format = 'raw_string'
);
