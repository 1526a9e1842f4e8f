-- expect: error option::invalid_value
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'https://{{ not a var }}/hooks',
    format = 'raw_string'
);
