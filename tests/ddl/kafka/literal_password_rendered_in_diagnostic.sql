-- expect: error option::set_by_profile
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'production-kafka',
    auth.password = 'other-password-value',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
