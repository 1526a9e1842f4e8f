-- expect: error table::memory
CREATE TABLE recent_orders (
    order_id BIGINT
) WITH (
    connector = 'memory',
    format = 'json'
);
