-- expect: error column::conflict
CREATE TABLE orders_ice (
    id BIGINT,
    id2 BIGINT GENERATED ALWAYS AS (id * 2)
) WITH (
    connector = 'iceberg',
    catalog.type = 'rest',
    catalog.rest.url = 'http://localhost:8181',
    type = 'sink',
    table_name = 'orders'
);
