-- expect: ok
SET updating_ttl = '1 hour';

CREATE TABLE orders (
    order_id BIGINT NOT NULL,
    customer_id BIGINT,
    amount DOUBLE,
    placed_at TIMESTAMP NOT NULL,
    WATERMARK FOR placed_at AS placed_at - INTERVAL '10' SECOND
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'orders',
    type = 'source',
    format = 'json'
);

CREATE TABLE order_totals WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'order-totals',
    type = 'sink',
    format = 'json'
);

CREATE VIEW big_orders AS
SELECT order_id, customer_id, amount FROM orders WHERE amount > 100;

INSERT INTO order_totals
SELECT customer_id, sum(amount) AS total
FROM big_orders
GROUP BY customer_id, tumble(interval '1 minute');
