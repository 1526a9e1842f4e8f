-- expect: error profile::connector_mismatch
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'confluent',
    connection_profile = 'local-kafka',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
