-- expect: ok +config
CREATE TABLE events_out (
    id BIGINT,
    region TEXT,
    kind TEXT,
    amount DOUBLE
) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = 's3://analytics/events',
    format = 'parquet',
    parquet.compression = 'zstd',
    storage.aws_region = 'us-east-1',
    storage.aws_secret_access_key = 'AKsecretvalue',
    rolling_policy.file_size = '128mb',
    rolling_policy.interval = INTERVAL '5' MINUTE,
    rolling_policy.inactivity_interval = INTERVAL '30' SECOND,
    rolling_policy.watermark_expiration = true,
    filename.prefix = 'events-',
    filename.suffix = '.parquet',
    filename.strategy = 'ulid',
    partitioning.fields = [region, 'kind'],
    partitioning.time_pattern = 'year=%Y/month=%m/day=%d',
    shuffle_by_partition.enabled = true,
    multipart.target_part_size = '16mb',
    multipart.max_parts = 500,
    multipart.minimum_multipart_size = '1mb',
    sink.version = 'v2'
);
