-- expect: error option::conflict
CREATE TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    endpoint = 'ws://localhost:9001',
    subscription_message = '{"op": "auth"}',
    subscription_messages.1 = '{"op": "subscribe"}',
    format = 'raw_string'
);
