-- expect: ok
-- Flink spellings of types: STRING, BYTES, ROW<…>, MAP<K, V>, ARRAY<T>, TIMESTAMP(3).
CREATE TABLE events (
    id BIGINT NOT NULL,
    name STRING,
    payload BYTES,
    location ROW<lat DOUBLE, lon DOUBLE>,
    attributes MAP<STRING, STRING>,
    tags ARRAY<STRING>,
    happened_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id) NOT ENFORCED,
    WATERMARK FOR happened_at AS happened_at - INTERVAL '1' SECOND
) WITH (
    'connector' = 'kafka',
    'bootstrap_servers' = 'localhost:9092',
    'topic' = 'events',
    'type' = 'source',
    'format' = 'json'
);
