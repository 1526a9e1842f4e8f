-- expect: ok
-- migrates: blackhole sink -
-- Flink's BlackHole page.
CREATE TABLE blackhole_table (
  f0 INT,
  f1 INT,
  f2 STRING,
  f3 DOUBLE
) WITH (
  'connector' = 'blackhole'
);
