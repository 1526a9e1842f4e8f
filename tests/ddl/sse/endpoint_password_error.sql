-- expect: error option::invalid_value
CREATE TABLE changes (value TEXT) WITH (
    connector = 'sse',
    endpoint = 'https://reader:letmein@stream.example.org/events',
    format = 'raw_string'
);
