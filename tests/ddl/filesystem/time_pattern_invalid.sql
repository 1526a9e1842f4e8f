-- expect: error option::invalid_value
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/tmp/out',
    format = 'json',
    partitioning.time_pattern = '%Y/%m/%q'
);
