-- expect: ok
CREATE TABLE edits (
    length JSON,
    diff INT GENERATED ALWAYS AS (extract_json(length, '$.old')[1]) STORED
) WITH (
    connector = 'sse',
    endpoint = 'https://stream.example.org/v2/stream/recentchange',
    format = 'json'
);
