-- expect: ok
CREATE TABLE alerts WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'alerts',
    type = 'sink',
    format = 'json'
);
