-- expect: error dialect::type dialect::option
-- migrates: kafka sink json; topic = 'pageviews'
-- A Flink script: the INSERT is what makes the table a sink (Flink infers it; here the
-- table says so, and the help reads the INSERT to know which).
CREATE TABLE pageviews_out (
  user_id BIGINT,
  page STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'pageviews',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

INSERT INTO pageviews_out SELECT user_id, page FROM pageviews;
