-- expect: error dialect::type dialect::option dialect::option dialect::option dialect::option
-- migrates: kafka source json; source.offset = 'group'; source.group_id = 'g1'
CREATE TABLE clicks (
  url STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'clicks',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'g1',
  'scan.startup.mode' = 'group-offsets',
  'scan.topic-partition-discovery.interval' = '10s',
  'format' = 'json'
);
