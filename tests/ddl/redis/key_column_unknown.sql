-- expect: error column::unknown
CREATE TABLE counts (user_id TEXT NOT NULL, n BIGINT) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    type = 'sink',
    target = 'string',
    target.key_prefix = 'count:',
    target.key_column = 'userid',
    format = 'json'
);
