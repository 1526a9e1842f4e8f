-- expect: error option::invalid_value
CREATE TABLE changes (value TEXT) WITH (
    connector = 'sse',
    endpoint = 'http://10.0.0.256/events',
    format = 'raw_string'
);
