-- expect: ok +config
CREATE TABLE orders_ice WITH (
    connector = 'iceberg',
    catalog.type = 'rest',
    catalog.rest.url = 'http://localhost:8181',
    type = 'sink',
    table_name = 'orders'
);
