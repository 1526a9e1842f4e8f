-- expect: error option::invalid_value
CREATE TABLE counts (id TEXT NOT NULL) WITH (
    connector = 'redis',
    address = 'redis://app:hunter2-in-url@localhost:6379',
    type = 'sink',
    target = 'string',
    target.key_prefix = 'count:',
    format = 'json'
);
