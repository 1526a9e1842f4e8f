-- expect: error option::invalid_value
CREATE TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    endpoint = 'https://stream.example.com/ws',
    format = 'raw_string'
);
