-- expect: warning option::not_applicable +config
CREATE TABLE out (id BIGINT, region TEXT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/tmp/out',
    format = 'json'
) PARTITIONED BY (region);
