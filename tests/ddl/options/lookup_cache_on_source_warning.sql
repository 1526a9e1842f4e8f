-- expect: warning option::not_applicable
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json',
    lookup.cache.ttl = INTERVAL '30' SECOND
);
