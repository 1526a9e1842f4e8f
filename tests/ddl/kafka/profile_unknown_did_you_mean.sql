-- expect: error profile::not_found
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafak',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
