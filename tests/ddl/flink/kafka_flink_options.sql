-- expect: error option::unknown option::unknown option::unknown option::missing option::missing
-- A Flink SQL table: quoted keys work, and Flink's option names point at ours.
CREATE TABLE clicks (
    user_id STRING,
    url STRING,
    ts TIMESTAMP(3) NOT NULL,
    WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (
    'connector' = 'kafka',
    'topic' = 'clicks',
    'properties.bootstrap.servers' = 'localhost:9092',
    'properties.group.id' = 'analytics',
    'scan.startup.mode' = 'earliest-offset',
    'format' = 'json'
);
