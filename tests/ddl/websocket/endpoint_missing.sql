-- expect: error option::missing
CREATE TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    format = 'raw_string'
);
