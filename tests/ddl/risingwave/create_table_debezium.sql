-- expect: error dialect::option dialect::option dialect::statement
-- migrates: kafka source debezium_json
-- RisingWave's CDC page: Debezium JSON from Kafka.
CREATE TABLE IF NOT EXISTS orders_rw (
    order_id INTEGER PRIMARY KEY,
    customer_name VARCHAR,
    price DECIMAL
) WITH (
    connector = 'kafka',
    topic = 'mysql.mydb.orders',
    properties.bootstrap.server = 'message_queue:29092',
    scan.startup.mode = 'earliest'
) FORMAT DEBEZIUM ENCODE JSON;
