-- expect: error option::missing
CREATE TABLE changes (value TEXT) WITH (
    connector = 'sse',
    format = 'raw_string'
);
