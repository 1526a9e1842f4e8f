-- expect: ok +config
CREATE TABLE trades (symbol TEXT, price DOUBLE) WITH (
    connector = 'websocket',
    endpoint = 'wss://stream.example.com:9443/ws?client=arroyo',
    headers = 'Authorization: Bearer {{ WS_TOKEN }}, Origin: https://app.example.com',
    subscription_messages.0 = '{"op": "auth"}',
    subscription_messages.1 = '{"op": "subscribe", "args": ["trades.ACME"]}',
    subscription_messages.2 = '{"op": "subscribe", "args": ["trades.INIT"]}',
    format = 'json'
);
