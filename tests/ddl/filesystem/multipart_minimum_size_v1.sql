-- expect: warning option::not_applicable +config
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = 's3://bucket/out',
    format = 'parquet',
    multipart.minimum_multipart_size = '1mb'
);
