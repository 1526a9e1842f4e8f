-- expect: error option::invalid_value
CREATE TABLE trades (value TEXT) WITH (
    connector = 'websocket',
    endpoint = 'ws://localhost:9001',
    subscription_messages.0 = 42,
    format = 'raw_string'
);
