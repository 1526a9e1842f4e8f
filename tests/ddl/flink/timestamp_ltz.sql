-- expect: error type::unsupported
CREATE TABLE events (
    ts TIMESTAMP_LTZ(3)
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'events',
    type = 'source',
    format = 'json'
);
