-- expect: error option::invalid_value
CREATE TABLE counts (id TEXT NOT NULL) WITH (
    connector = 'redis',
    address = 'localhost:6379',
    type = 'sink',
    target = 'string',
    target.key_prefix = 'count:',
    format = 'json'
);
