-- expect: error option::missing
CREATE TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    endpoint = 'ws://localhost:9001',
    subscription_messages.1 = '{"op": "subscribe"}',
    format = 'raw_string'
);
