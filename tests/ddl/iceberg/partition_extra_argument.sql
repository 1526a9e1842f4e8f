-- expect: error option::invalid_value
CREATE TABLE orders_ice (id BIGINT) WITH (
    connector = 'iceberg',
    catalog.type = 'rest',
    catalog.rest.url = 'http://localhost:8181',
    type = 'sink',
    table_name = 'orders'
) PARTITIONED BY (identity(id, 5));
