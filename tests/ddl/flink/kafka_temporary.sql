-- expect: error dialect::option dialect::type dialect::option dialect::option
-- migrates: kafka source json; source.offset = 'latest'
-- Flink's docs often write CREATE TEMPORARY TABLE (a table for the session); here
-- TEMPORARY makes a lookup table, which Kafka cannot be. (A watermark column is NOT NULL
-- here; Flink does not ask for it.)
CREATE TEMPORARY TABLE clicks (
  url STRING,
  ts TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'clicks',
  'properties.bootstrap.servers' = 'localhost:9092',
  'scan.startup.mode' = 'latest-offset',
  'format' = 'json'
);
