-- expect: error dialect::type dialect::option dialect::option dialect::option dialect::option dialect::option
-- migrates: kafka sink avro; avro.confluent_schema_registry = 'true'; schema_registry.endpoint = 'http://localhost:8082'
-- Flink's Avro Schema Registry page, written as a sink (`sink.delivery-guarantee`).
CREATE TABLE user_created (
  id STRING,
  name STRING,
  email STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'user_events_example2',
  'properties.bootstrap.servers' = 'localhost:9092',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = 'http://localhost:8082',
  'value.fields-include' = 'ALL',
  'sink.delivery-guarantee' = 'at-least-once'
);
