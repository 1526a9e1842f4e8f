-- expect: ok +config
CREATE TABLE orders_lake (
    id BIGINT NOT NULL,
    region TEXT,
    placed_at TIMESTAMP NOT NULL,
    detail STRUCT<shipped_at TIMESTAMP, carrier TEXT>
) WITH (
    connector = 'delta',
    type = 'sink',
    path = 's3://lake/orders',
    format = 'parquet',
    parquet.compression = 'snappy',
    storage.aws_region = 'eu-west-1',
    rolling_policy.file_size = '256mb',
    rolling_policy.interval = INTERVAL '10' MINUTE,
    rolling_policy.inactivity_interval = INTERVAL '1' MINUTE,
    rolling_policy.watermark_expiration = true,
    filename.prefix = 'orders-',
    filename.suffix = '.parquet',
    filename.strategy = 'serial',
    partitioning.fields = [region],
    partitioning.time_pattern = '%Y-%m-%d',
    shuffle_by_partition.enabled = true,
    multipart.target_part_size = '64mb',
    multipart.max_parts = 2000,
    multipart.minimum_multipart_size = '2mb',
    sink.version = 'v2'
);
