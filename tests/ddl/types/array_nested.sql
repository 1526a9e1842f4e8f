-- expect: ok
CREATE TABLE events (
    matrix INT[][],
    grid ARRAY<ARRAY<DOUBLE>>
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
