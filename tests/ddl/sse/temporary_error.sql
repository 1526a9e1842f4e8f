-- expect: error connector::connection_type
CREATE TEMPORARY TABLE changes (value TEXT) WITH (
    connector = 'sse',
    endpoint = 'http://127.0.0.1:9000/events',
    format = 'raw_string'
);
