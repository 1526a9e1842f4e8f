-- expect: ok
CREATE TABLE events (
    s TIMESTAMP(0),
    ms TIMESTAMP(3),
    us TIMESTAMP(6),
    ns TIMESTAMP(9)
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
