-- expect: error dialect::type dialect::option dialect::option dialect::option dialect::option
-- migrates: kafka source json; bootstrap_servers = 'localhost:9092'; source.group_id = 'testGroup'; bad_data = 'drop'; source.offset = 'group'
-- Flink's JSON format page: a Kafka table read as JSON, skipping records that do not parse.
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
 'format' = 'json',
 'json.fail-on-missing-field' = 'false',
 'json.ignore-parse-errors' = 'true'
);
