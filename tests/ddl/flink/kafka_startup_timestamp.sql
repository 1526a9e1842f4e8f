-- expect: error dialect::type dialect::option dialect::unsupported
-- migrates: no, a source cannot start at a timestamp here
CREATE TABLE clicks (
  url STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'clicks',
  'properties.bootstrap.servers' = 'localhost:9092',
  'scan.startup.mode' = 'timestamp',
  'scan.startup.timestamp-millis' = '1617800000000',
  'format' = 'json'
);
