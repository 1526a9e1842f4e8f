-- expect: error connector::connection_type
CREATE TEMPORARY TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    endpoint = 'ws://localhost:9001',
    format = 'raw_string'
);
