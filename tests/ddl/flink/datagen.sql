-- expect: error dialect::unsupported
-- migrates: no, there is no random-data generator here
-- Flink's DataGen page.
CREATE TABLE Orders (
    order_number BIGINT,
    price        DECIMAL(32,2),
    buyer        ROW<first_name STRING, last_name STRING>,
    order_time   TIMESTAMP(3)
) WITH (
  'connector' = 'datagen'
);
