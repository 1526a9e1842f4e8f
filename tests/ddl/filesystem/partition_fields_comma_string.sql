-- expect: ok +config
CREATE TABLE out (id BIGINT, region TEXT, kind TEXT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/tmp/out',
    format = 'json',
    partitioning.fields = 'region, kind'
);
