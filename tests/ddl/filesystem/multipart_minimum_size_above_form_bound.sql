-- expect: ok +config
-- Arroyo's form documents at most 2mb, but nothing limits it: files up to 8mb are uploaded
-- in one request, larger ones in parts.
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = 's3://bucket/out',
    format = 'parquet',
    sink.version = 'v2',
    multipart.minimum_multipart_size = '8mb'
);
