-- expect: error profile::connector_mismatch
CREATE TABLE changes (value TEXT) WITH (
    connector = 'sse',
    connection_profile = 'local-kafka',
    endpoint = 'http://127.0.0.1:9000/events',
    format = 'raw_string'
);
