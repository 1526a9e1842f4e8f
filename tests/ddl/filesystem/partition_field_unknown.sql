-- expect: error column::unknown
CREATE TABLE out (id BIGINT, region TEXT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/tmp/out',
    format = 'json',
    partitioning.fields = [regoin]
);
