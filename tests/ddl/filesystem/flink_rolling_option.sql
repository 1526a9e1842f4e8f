-- expect: error dialect::option
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/tmp/out',
    format = 'json',
    sink.rolling-policy.file-size = '128mb'
);
