-- expect: ok
CREATE TABLE events (
    items STRUCT<sku TEXT, qty INT>[]
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
