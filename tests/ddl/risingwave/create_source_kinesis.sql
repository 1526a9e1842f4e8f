-- expect: error dialect::statement dialect::option dialect::option dialect::option
-- migrates: kinesis source json; stream_name = 'orders'; aws_region = 'us-east-1'; source.offset = 'earliest'
-- RisingWave's Kinesis page.
CREATE SOURCE kinesis_source (
   order_id integer,
   product varchar
)
WITH (
   connector='kinesis',
   stream='orders',
   aws.region='us-east-1',
   scan.startup.mode='earliest'
) FORMAT PLAIN ENCODE JSON;
