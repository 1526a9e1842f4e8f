-- expect: error parse::syntax parse::syntax
CREATE TABL orders (id BIGINT) WITH (connector = 'memory');
CREATE TEMPROARY TABLE payments (id BIGINT);
CREATE VIEW big_orders AS SELECT id FROM orders;
INSERT INTO orders SELECT 1;
