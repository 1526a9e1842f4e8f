-- expect: error option::invalid_value
CREATE TABLE changes (value TEXT) WITH (
    connector = 'sse',
    endpoint = 8080,
    format = 'raw_string'
);
