-- expect: ok +config
CREATE TABLE customers (id BIGINT PRIMARY KEY, name TEXT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'dbserver1.inventory.customers',
    type = 'source',
    format = 'debezium_json'
);
