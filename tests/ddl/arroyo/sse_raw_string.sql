-- expect: ok
CREATE TABLE mastodon (
    value TEXT
) WITH (
    connector = 'sse',
    format = 'raw_string',
    endpoint = 'https://social.example.com/api/v1/streaming/public',
    events = 'update'
);
