-- expect: error type::decimal_range
CREATE TABLE orders (
    id BIGINT NOT NULL,
    price DECIMAL(40, 2) NOT NULL,
    created TIMESTAMP(3) NOT NULL,
    WATERMARK FOR created
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
