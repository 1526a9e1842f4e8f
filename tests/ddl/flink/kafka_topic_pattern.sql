-- expect: error dialect::type dialect::unsupported dialect::option dialect::option
-- migrates: no, a table reads one topic here
CREATE TABLE logs (
  line STRING
) WITH (
  'connector' = 'kafka',
  'topic-pattern' = 'logs-.*',
  'properties.bootstrap.servers' = 'broker:9092',
  'scan.startup.mode' = 'latest-offset',
  'format' = 'json'
);
