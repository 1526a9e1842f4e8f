-- expect: error connector::unknown
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafak',
    bootstrap_servers = 'localhost:9092',
    topic = 'events',
    type = 'source',
    format = 'json'
);
