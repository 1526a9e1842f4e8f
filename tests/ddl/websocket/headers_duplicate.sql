-- expect: error option::invalid_value
CREATE TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    endpoint = 'ws://localhost:9001',
    headers = 'Authorization: Bearer aaaa-1111, authorization: Bearer bbbb-2222',
    format = 'raw_string'
);
