-- expect: error format::missing
CREATE TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    endpoint = 'ws://localhost:9001'
);
