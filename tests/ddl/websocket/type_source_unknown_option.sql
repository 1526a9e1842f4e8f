-- expect: error option::unknown
CREATE TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    endpoint = 'ws://localhost:9001',
    type = 'source',
    format = 'raw_string'
);
