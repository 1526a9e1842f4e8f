-- expect: ok
CREATE TABLE orders (id BIGINT);
CREATE TABLE IF NOT EXISTS orders (id BIGINT, amount DOUBLE);
