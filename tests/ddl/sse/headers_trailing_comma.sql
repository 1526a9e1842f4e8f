-- expect: error option::invalid_value
CREATE TABLE changes (value TEXT) WITH (
    connector = 'sse',
    endpoint = 'http://127.0.0.1:9000/events',
    headers = 'Authorization: Bearer tok-abcdef123,',
    format = 'raw_string'
);
