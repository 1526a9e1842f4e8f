-- expect: error column::unknown
CREATE TABLE events (
    price DOUBLE,
    total DOUBLE GENERATED ALWAYS AS (price * qty)
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
