-- expect: warning connector::case
CREATE TABLE events (id BIGINT) WITH (
    connector = 'Kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'events',
    type = 'source',
    format = 'json'
);
