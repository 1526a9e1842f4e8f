-- expect: warning option::not_applicable +config
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/tmp/out',
    format = 'json',
    rolling_policy.watermark_expiration = true
);
