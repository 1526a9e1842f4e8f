-- expect: error dialect::option dialect::option dialect::option dialect::option
-- migrates: stdout sink json
CREATE TABLE print_table (
 f0 INT,
 f2 STRING
) WITH (
 'connector' = 'print',
 'print-identifier' = 'orders',
 'standard-error' = 'false',
 'sink.parallelism' = '1'
);
