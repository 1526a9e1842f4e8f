-- expect: ok +config
CREATE TABLE orders_ice (
    id BIGINT NOT NULL,
    customer TEXT,
    region TEXT,
    placed_at TIMESTAMP NOT NULL
) WITH (
    connector = 'iceberg',
    catalog.type = 'rest',
    catalog.rest.url = 'http://iceberg-rest:8181',
    catalog.warehouse = 'analytics',
    catalog.rest.token = 'tok-very-secret-123',
    type = 'sink',
    namespace = 'shop.orders',
    table_name = 'orders',
    location_path = 's3://warehouse/shop/orders',
    format = 'parquet',
    storage.aws_region = 'us-east-1',
    shuffle_by_partition.enabled = true,
    rolling_policy.file_size = '256mb',
    rolling_policy.interval = INTERVAL '5' MINUTE,
    rolling_policy.inactivity_interval = INTERVAL '1' MINUTE,
    filename.prefix = 'part-',
    filename.suffix = '.parquet',
    filename.strategy = 'uuid',
    multipart.target_part_size = '32mb',
    multipart.max_parts = 1000,
    multipart.minimum_multipart_size = '2mb',
    sink.version = 'v2'
) PARTITIONED BY (
    day(placed_at),
    bucket(id, 16),
    truncate(customer, 4),
    identity(region)
);
