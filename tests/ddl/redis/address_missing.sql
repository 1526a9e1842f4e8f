-- expect: error option::missing
CREATE TABLE counts (id TEXT NOT NULL) WITH (
    connector = 'redis',
    type = 'sink',
    target = 'string',
    target.key_prefix = 'count:',
    format = 'json'
);
