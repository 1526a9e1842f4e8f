-- expect: ok +config
CREATE TABLE changes (value TEXT) WITH (
    connector = 'sse',
    endpoint = 'http://127.0.0.1:9000/events',
    format = 'raw_string'
);
