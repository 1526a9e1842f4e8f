-- expect: ok +config
CREATE TABLE alerts (id BIGINT PRIMARY KEY, message TEXT) WITH (
    connector = 'webhook',
    endpoint = 'https://hooks.example.com/alerts',
    format = 'debezium_json'
);
