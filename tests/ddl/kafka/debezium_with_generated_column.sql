-- expect: error format::debezium
CREATE TABLE customers (
    id BIGINT PRIMARY KEY,
    name TEXT,
    name_upper TEXT GENERATED ALWAYS AS (upper(name))
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'dbserver1.inventory.customers',
    type = 'source',
    format = 'debezium_json'
);
