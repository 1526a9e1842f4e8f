-- expect: ok
CREATE TABLE firehose (
    value BYTEA
) WITH (
    connector = 'websocket',
    endpoint = 'wss://firehose.example.com/subscribe',
    format = 'raw_bytes'
);
