-- expect: error option::invalid_value
CREATE TABLE changes (value TEXT) WITH (
    connector = 'sse',
    endpoint = 'ws://127.0.0.1:9000/events',
    format = 'raw_string'
);
