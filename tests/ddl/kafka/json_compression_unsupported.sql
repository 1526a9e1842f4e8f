-- expect: error format::unsupported
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'orders',
    type = 'sink',
    format = 'json',
    json.compression = 'gzip'
);
