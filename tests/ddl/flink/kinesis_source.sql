-- expect: error dialect::type dialect::option dialect::option dialect::option
-- migrates: kinesis source json; stream_name = 'my-stream-name'; aws_region = 'us-east-1'; source.offset = 'latest'
-- Flink's Kinesis page, with JSON in place of CSV.
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
  'format' = 'json'
);
