-- expect: error dialect::type dialect::option dialect::option
-- migrates: kafka source debezium_json; source.group_id = 'testGroup'
-- Flink's Debezium format page, with the primary key a Debezium source needs here.
CREATE TABLE topic_products (
  id BIGINT,
  name STRING,
  description STRING,
  weight DECIMAL(10, 2),
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
 'connector' = 'kafka',
 'topic' = 'products_binlog',
 'properties.bootstrap.servers' = 'localhost:9092',
 'properties.group.id' = 'testGroup',
 'format' = 'debezium-json'
);
