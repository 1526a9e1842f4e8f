-- expect: error dialect::type dialect::option dialect::option dialect::option
-- migrates: kafka source avro; avro.raw_datums = 'true'; source.group_id = 'testGroup'
-- Flink's Avro format page: the schema is the table's columns.
CREATE TABLE user_behavior (
  user_id BIGINT,
  item_id BIGINT,
  category_id BIGINT,
  behavior STRING,
  ts TIMESTAMP(3)
) WITH (
 'connector' = 'kafka',
 'topic' = 'user_behavior',
 'properties.bootstrap.servers' = 'localhost:9092',
 'properties.group.id' = 'testGroup',
 'format' = 'avro'
);
