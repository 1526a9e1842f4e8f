-- expect: ok +config
CREATE TABLE changes (id BIGINT, title TEXT) WITH (
    connector = 'sse',
    endpoint = 'https://stream.example.org/v2/stream/recentchange?since=now',
    headers = 'Authorization: Bearer {{ STREAM_TOKEN }}, Last-Event-ID: 42',
    events = 'message, update',
    format = 'json'
);
