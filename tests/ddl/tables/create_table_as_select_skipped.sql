-- expect: ok
CREATE TABLE orders (id BIGINT, amount DOUBLE);
CREATE TABLE big_orders AS SELECT id, amount FROM orders WHERE amount > 100;
