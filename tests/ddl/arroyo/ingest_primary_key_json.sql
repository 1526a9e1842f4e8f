-- expect: ok
-- Arroyo-style ingestion: a Kafka JSON source with a primary key and a JSON column, into a
-- Delta sink without columns (its schema comes from the query).
CREATE TABLE page_views (
    view_id TEXT PRIMARY KEY,
    user_id BIGINT,
    properties JSON,
    viewed_at TIMESTAMP
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'kafka:9092',
    topic = 'page_views',
    type = 'source',
    format = 'json'
);

CREATE TABLE page_view_lake WITH (
    connector = 'delta',
    path = 's3://lake/page_views',
    type = 'sink',
    format = 'parquet',
    'filename.strategy' = 'uuid',
    'parquet.compression' = 'zstd',
    'partitioning.time_pattern' = '%Y/%m/%d/%H',
    'rolling_policy.interval' = interval '10 minutes'
);

INSERT INTO page_view_lake SELECT * FROM page_views;
