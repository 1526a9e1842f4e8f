-- expect: warning option::deprecated
-- Older Arroyo versions named a table's profile with `connection`: read as
-- `connection_profile`, with a warning and a fix.
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection = 'local-kafka',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
