-- expect: error dialect::option
-- migrates: stdout sink json
-- Flink's Print page.
CREATE TABLE print_table (
 f0 INT,
 f1 INT,
 f2 STRING,
 f3 DOUBLE
) WITH (
 'connector' = 'print'
);
