-- expect: error option::unknown
-- A misspelled required key is one mistake: the unknown key, with the key it means.
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topc = 'events',
    type = 'source',
    format = 'json'
);
