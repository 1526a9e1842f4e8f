-- expect: ok +config
CREATE TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    endpoint = 'ws://localhost:9001',
    format = 'raw_string'
);
