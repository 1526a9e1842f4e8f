-- expect: error connector::connection_type
CREATE TEMPORARY TABLE orders_ice (id BIGINT) WITH (
    connector = 'iceberg',
    catalog.type = 'rest',
    catalog.rest.url = 'http://localhost:8181',
    table_name = 'orders'
);
