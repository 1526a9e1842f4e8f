-- expect: error dialect::type dialect::option dialect::option dialect::option dialect::option
-- migrates: kinesis sink json; stream_name = 'orders'; sink.max_records_per_batch = '100'; sink.flush_interval_millis = '2000'
CREATE TABLE KinesisSink (
  `user_id` BIGINT,
  `behavior` STRING
) WITH (
  'connector' = 'kinesis',
  'stream.arn' = 'arn:aws:kinesis:us-east-1:012345678901:stream/orders',
  'aws.region' = 'us-east-1',
  'sink.batch.max-size' = '100',
  'sink.flush-buffer.timeout' = '2000',
  'format' = 'json'
);
