-- expect: ok +config
CREATE TABLE counts (id TEXT NOT NULL, n BIGINT) WITH (
    connector = 'redis',
    address = 'redis://localhost',
    type = 'sink',
    target = 'string',
    target.key_prefix = 'count:',
    target.key_column = 'id',
    target.ttl_secs = 60,
    format = 'json'
);
