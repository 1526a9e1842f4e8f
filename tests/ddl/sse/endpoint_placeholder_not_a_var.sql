-- expect: error option::invalid_value
CREATE TABLE events (value TEXT) WITH (
    connector = 'sse',
    endpoint = 'https://{{ not a var }}/events',
    format = 'raw_string'
);
