-- expect: ok +config
CREATE TABLE user_cache (
    user_id TEXT NOT NULL,
    field TEXT NOT NULL,
    score BIGINT
) WITH (
    connector = 'redis',
    address = 'rediss://cache.example.com:6380',
    username = 'app',
    password = 'redis-pass-not-shown',
    type = 'sink',
    target = 'hash',
    target.key_prefix = 'users:',
    target.key_column = 'user_id',
    target.field_column = 'field',
    format = 'json'
);
