-- expect: warning option::deprecated +config
CREATE TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    endpoint = 'ws://localhost:9001',
    subscription_message = '{"op": "subscribe"}',
    format = 'raw_string'
);
