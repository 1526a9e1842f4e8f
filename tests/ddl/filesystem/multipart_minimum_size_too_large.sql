-- expect: error option::invalid_value
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = 's3://bucket/out',
    format = 'parquet',
    sink.version = 'v2',
    multipart.minimum_multipart_size = '8mb'
);
