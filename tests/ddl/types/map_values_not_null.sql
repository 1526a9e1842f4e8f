-- expect: ok
-- `MAP<K, V NOT NULL>` says the values cannot be null (keys never can).
CREATE TABLE events (
    counts MAP<TEXT, INT NOT NULL>,
    lists MAP<TEXT, ARRAY<TEXT NOT NULL> NOT NULL>,
    nested MAP<TEXT, MAP<TEXT, BIGINT NOT NULL>>
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
