-- expect: error dialect::option dialect::option dialect::type dialect::option dialect::option
-- migrates: kafka source json; source.offset = 'earliest'
-- Flink's Kafka metadata columns: `offset` is `offset_id` here (Flink's `partition` is
-- BIGINT in its docs and INT here; written INT in this case).
CREATE TABLE KafkaTable (
  `partition` INT METADATA VIRTUAL,
  `offset` BIGINT METADATA VIRTUAL,
  `record_offset` BIGINT METADATA FROM 'offset',
  `user_id` BIGINT,
  `behavior` STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'user_behavior',
  'properties.bootstrap.servers' = 'localhost:9092',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);
