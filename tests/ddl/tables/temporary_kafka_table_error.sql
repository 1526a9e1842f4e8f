-- expect: error connector::connection_type
CREATE TEMPORARY TABLE customers (
    id BIGINT PRIMARY KEY,
    name TEXT
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'customers',
    format = 'json'
);
