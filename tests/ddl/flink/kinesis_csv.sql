-- expect: error dialect::type dialect::option dialect::option dialect::option dialect::unsupported
-- migrates: no, Flink's CSV format has no equivalent here
-- Flink's Kinesis page (without its PARTITIONED BY, the sink's partition key).
CREATE TABLE KinesisTable (
  `user_id` BIGINT,
  `item_id` BIGINT,
  `category_id` BIGINT,
  `behavior` STRING,
  `ts` TIMESTAMP(3)
)
WITH (
  'connector' = 'kinesis',
  'stream.arn' = 'arn:aws:kinesis:us-east-1:012345678901:stream/my-stream-name',
  'aws.region' = 'us-east-1',
  'source.init.position' = 'LATEST',
  'format' = 'csv'
);
