-- expect: error connector::unknown
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafak',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
