-- expect: ok +config
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = '{{ WEBHOOK_URL }}',
    format = 'raw_string'
);
