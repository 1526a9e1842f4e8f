-- expect: error column::unknown
CREATE TABLE events (
    price DOUBLE,
    net DOUBLE GENERATED ALWAYS AS (price / 1.2),
    net_cents BIGINT GENERATED ALWAYS AS (net * 100)
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
