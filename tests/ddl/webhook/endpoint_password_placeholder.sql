-- expect: ok +config
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'https://alerter:{{ ALERTER_PASSWORD }}@hooks.example.com/alerts',
    format = 'raw_string'
);
