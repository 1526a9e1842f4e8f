-- expect: error option::invalid_value
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'https://alerter:pw-in-url@hooks.example.com/alerts',
    format = 'raw_string'
);
