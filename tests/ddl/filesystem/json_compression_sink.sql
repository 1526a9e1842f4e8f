-- expect: ok +config
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = 'file:///tmp/out',
    format = 'json',
    json.compression = 'gzip'
);
