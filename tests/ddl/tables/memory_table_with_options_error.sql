-- expect: error table::memory
CREATE TABLE recent_orders (
    order_id BIGINT,
    amount DOUBLE
) WITH (
    topic = 'orders'
);
