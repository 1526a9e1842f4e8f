-- expect: ok
CREATE TABLE ice (
    count BIGINT,
    b TEXT,
    ts TIMESTAMP(6) NOT NULL,
    ts2 TIMESTAMP(6) NOT NULL
) WITH (
    connector = 'iceberg',
    'catalog.type' = 'rest',
    'catalog.rest.url' = 'http://localhost:8181',
    namespace = 'analytics',
    table_name = 'events',
    type = 'sink',
    format = 'parquet',
    'shuffle_by_partition.enabled' = true
) PARTITIONED BY (bucket(count, 4), truncate(b, 10), identity(ts), hour(ts), day(ts2));
