-- expect: error option::unknown
CREATE TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    endpoint = 'ws://localhost:9001',
    subscription_messages.first = '{"op": "subscribe"}',
    format = 'raw_string'
);
