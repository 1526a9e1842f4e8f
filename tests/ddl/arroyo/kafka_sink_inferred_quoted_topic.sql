-- expect: ok
CREATE TABLE outputs WITH (
    connector = 'kafka',
    bootstrap_servers = 'kafka:9092',
    'topic' = 'outputs',
    type = 'sink',
    format = 'json'
);
