-- expect: error option::missing
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    type = 'source',
    format = 'json'
);
