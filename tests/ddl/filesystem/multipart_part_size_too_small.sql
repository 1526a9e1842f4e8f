-- expect: error option::invalid_value
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = 's3://bucket/out',
    format = 'parquet',
    multipart.target_part_size = '1mb'
);
