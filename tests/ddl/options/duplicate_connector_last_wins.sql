-- expect: warning option::duplicate
-- `connector` too: the last value names the connector.
CREATE TABLE events (id BIGINT) WITH (
    connector = 'redis',
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
