-- expect: error option::missing
CREATE TABLE counts (id TEXT NOT NULL) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    type = 'sink',
    target = 'hash',
    target.key_prefix = 'count:',
    format = 'json'
);
