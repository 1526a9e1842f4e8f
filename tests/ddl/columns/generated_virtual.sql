-- expect: ok
CREATE TABLE events (
    first_name TEXT,
    last_name TEXT,
    full_name TEXT GENERATED ALWAYS AS (concat(first_name, ' ', last_name)) VIRTUAL
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
