-- expect: error profile::connector_mismatch
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'some-mqtt',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
