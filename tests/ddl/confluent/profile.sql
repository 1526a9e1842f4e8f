-- expect: ok +config
-- The Confluent Cloud connection comes from a profile; its secrets never print.
CREATE TABLE orders (
    id BIGINT,
    amount DOUBLE
) WITH (
    connector = 'confluent',
    connection_profile = 'confluent-cloud',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
