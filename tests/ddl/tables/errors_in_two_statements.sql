-- expect: error option::missing type::unsupported
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    type = 'source',
    format = 'json'
);

CREATE TABLE payments (id BIGINT, paid_at TIMESTAMPTZ) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'payments',
    type = 'source',
    format = 'json'
);
