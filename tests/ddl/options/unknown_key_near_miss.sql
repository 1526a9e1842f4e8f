-- expect: error option::unknown
CREATE TABLE t (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_server = 'localhost:9092',
    bootstrap_servers = 'localhost:9092',
    topic = 't',
    type = 'source',
    format = 'json'
);
