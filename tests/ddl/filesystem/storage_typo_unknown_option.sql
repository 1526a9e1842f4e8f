-- expect: error option::unknown
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/tmp/out',
    format = 'json',
    rolling_policy.filesize = '64mb'
);
