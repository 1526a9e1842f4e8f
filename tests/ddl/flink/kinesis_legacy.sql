-- expect: error dialect::type dialect::option dialect::option dialect::option dialect::option
-- migrates: kinesis source json; stream_name = 'user_behavior'; source.offset = 'earliest'
-- Flink's legacy Kinesis connector.
CREATE TABLE KinesisTable (
  `user_id` BIGINT,
  `behavior` STRING
) WITH (
  'connector' = 'kinesis-legacy',
  'stream' = 'user_behavior',
  'aws.region' = 'us-east-2',
  'scan.stream.initpos' = 'TRIM_HORIZON',
  'format' = 'json'
);
