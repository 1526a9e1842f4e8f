-- expect: error parse::syntax
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092,
    topic = 'events',
    type = 'source',
    format = 'json'
);
