-- expect: ok
CREATE TABLE events (
    "User Id" BIGINT,
    "select" TEXT
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
