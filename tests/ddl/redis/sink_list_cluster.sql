-- expect: ok +config
CREATE TABLE events (id TEXT NOT NULL, v BIGINT) WITH (
    connector = 'redis',
    cluster.addresses = 'redis://node-1:6379, redis://node-2:6379 ,rediss://node-3:6380',
    type = 'sink',
    target = 'list',
    target.key_prefix = 'events:',
    target.max_length = 1000,
    target.operation = 'prepend',
    format = 'json'
);
