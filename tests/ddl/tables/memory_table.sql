-- expect: ok
CREATE TABLE recent_orders (
    order_id BIGINT NOT NULL,
    amount DECIMAL(10, 2),
    placed_at TIMESTAMP
);
