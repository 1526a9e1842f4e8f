-- expect: error table::duplicate
CREATE TABLE orders (id BIGINT);
CREATE TABLE Orders (id BIGINT, amount DOUBLE);
