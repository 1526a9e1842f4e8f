-- expect: error option::invalid_value
CREATE TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    endpoint = 'ws://fe80::1:9001/ws',
    format = 'raw_string'
);
