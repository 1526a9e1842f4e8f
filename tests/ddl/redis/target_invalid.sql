-- expect: error option::invalid_value
CREATE TABLE counts (id TEXT NOT NULL) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    type = 'sink',
    target = 'set',
    target.key_prefix = 'count:',
    format = 'json'
);
