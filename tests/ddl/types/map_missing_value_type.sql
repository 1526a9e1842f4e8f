-- expect: error parse::syntax
CREATE TABLE events (
    m MAP<TEXT>
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
