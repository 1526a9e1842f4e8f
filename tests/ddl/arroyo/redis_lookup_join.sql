-- expect: ok
CREATE TABLE events (
    user_id TEXT,
    action TEXT
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'kafka:9092',
    topic = 'events',
    type = 'source',
    format = 'json'
);

CREATE TEMPORARY TABLE users (
    id TEXT METADATA FROM 'key' PRIMARY KEY,
    plan TEXT
) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    format = 'json',
    'lookup.cache.max_bytes' = 1000000,
    'lookup.cache.ttl' = interval '5' second
);

SELECT e.action, u.plan FROM events e LEFT JOIN users u ON e.user_id = u.id;
