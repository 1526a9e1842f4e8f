-- expect: error profile::invalid profile::invalid profile::invalid profile::invalid profile::invalid
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'broken-kafka',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
