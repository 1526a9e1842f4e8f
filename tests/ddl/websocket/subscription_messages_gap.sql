-- expect: error option::missing option::missing
CREATE TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    endpoint = 'ws://localhost:9001',
    subscription_messages.0 = '{"op": "auth"}',
    subscription_messages.2 = '{"op": "subscribe"}',
    subscription_messages.5 = '{"op": "ping"}',
    format = 'raw_string'
);
