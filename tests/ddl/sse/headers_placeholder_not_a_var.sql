-- expect: error option::invalid_value
CREATE TABLE events (value TEXT) WITH (
    connector = 'sse',
    endpoint = 'https://example.com/events',
    headers = 'Authorization: Bearer {{ 1TOKEN }}',
    format = 'raw_string'
);
