-- expect: error option::invalid_value
CREATE TABLE out (id BIGINT, region TEXT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/tmp/out',
    format = 'json',
    partitioning.fields = [region, region]
);
