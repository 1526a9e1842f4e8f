-- expect: error dialect::type dialect::option
-- migrates: no, nothing in the statement says whether it is read or written
CREATE TABLE clicks (
  url STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'clicks',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);
