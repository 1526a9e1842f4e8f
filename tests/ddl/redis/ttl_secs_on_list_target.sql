-- expect: error option::conflict
CREATE TABLE counts (id TEXT NOT NULL) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    type = 'sink',
    target = 'list',
    target.key_prefix = 'count:',
    target.ttl_secs = 60,
    format = 'json'
);
