-- expect: ok +config
CREATE TABLE changes (value TEXT) WITH (
    connector = 'sse',
    endpoint = 'http://[::1]:9000/events',
    events = ARRAY['create', 'delete'],
    format = 'raw_string'
);
