-- expect: ok
CREATE TABLE events (
    a INT,
    b INTEGER,
    c INT4
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
