-- expect: error format::missing
CREATE TABLE changes (value TEXT) WITH (
    connector = 'sse',
    endpoint = 'http://127.0.0.1:9000/events'
);
