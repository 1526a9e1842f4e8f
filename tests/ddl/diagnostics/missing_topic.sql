-- expect: error option::missing
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    type = 'source',
    format = 'json'
);
