-- expect: error metadata::type dialect::type dialect::option dialect::option dialect::option dialect::unsupported
-- migrates: no, Flink's CSV format has no equivalent here
-- Flink's Kafka page, "How to create a Kafka table".
CREATE TABLE KafkaTable (
  `user_id` BIGINT,
  `item_id` BIGINT,
  `behavior` STRING,
  `ts` TIMESTAMP(3) METADATA FROM 'timestamp'
) WITH (
  'connector' = 'kafka',
  'topic' = 'user_behavior',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'testGroup',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'csv'
);
