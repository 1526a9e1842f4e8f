-- expect: error value::overflow
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/tmp/out',
    format = 'parquet',
    rolling_policy.file_size = '99999999999999999999999gb'
);
