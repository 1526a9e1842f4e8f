-- expect: warning option::deprecated
CREATE TABLE trades (
    price TEXT,
    size TEXT,
    side TEXT
) WITH (
    connector = 'websocket',
    endpoint = 'wss://ws-feed.exchange.example.com',
    subscription_message = '{
        "type": "subscribe",
        "product_ids": ["BTC-USD"],
        "channels": ["ticker"]
    }',
    format = 'json'
);
