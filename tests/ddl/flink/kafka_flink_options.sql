-- expect: error dialect::type dialect::option dialect::option dialect::option
-- migrates: kafka source json; bootstrap_servers = 'localhost:9092'; source.group_id = 'analytics'; source.offset = 'earliest'
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
