-- expect: error option::missing
CREATE TABLE orders_ice (id BIGINT) WITH (
    connector = 'iceberg',
    catalog.type = 'rest',
    type = 'sink',
    table_name = 'orders'
);
