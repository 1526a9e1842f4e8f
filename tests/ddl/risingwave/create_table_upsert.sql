-- expect: error dialect::option dialect::statement
-- migrates: no, upserts have no equivalent here
CREATE TABLE IF NOT EXISTS upsert_orders (
    order_id INTEGER PRIMARY KEY,
    price DECIMAL
) WITH (
    connector = 'kafka',
    topic = 'orders',
    properties.bootstrap.server = 'message_queue:29092'
) FORMAT UPSERT ENCODE JSON;
