-- expect: warning option::not_applicable +config
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/tmp/out',
    format = 'json',
    shuffle_by_partition.enabled = true
);
