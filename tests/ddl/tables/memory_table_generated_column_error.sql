-- expect: error table::memory
CREATE TABLE recent_orders (
    price DOUBLE,
    quantity INT,
    total DOUBLE GENERATED ALWAYS AS (price * quantity)
);
