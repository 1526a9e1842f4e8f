-- expect: error option::unknown
CREATE TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    endpoint = 'ws://localhost:9001',
    subscription_messages.0 = '{"op": "auth"}',
    subscription_messages.01 = '{"op": "subscribe"}',
    format = 'raw_string'
);
