-- expect: ok +config
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'https://example.com/hooks',
    headers = 'Authorization: Bearer {{ TOKEN }}',
    format = 'raw_string'
);
