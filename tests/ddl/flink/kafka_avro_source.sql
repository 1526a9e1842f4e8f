-- expect: error dialect::type dialect::option dialect::option dialect::option option::missing
-- migrates: no, Flink reads bare datums with the columns as their schema; here bare datums need the writer's schema
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
