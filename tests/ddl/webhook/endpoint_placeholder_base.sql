-- expect: ok +config
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = '{{ ALERTS_BASE_URL }}/v1/alerts',
    format = 'raw_string'
);
