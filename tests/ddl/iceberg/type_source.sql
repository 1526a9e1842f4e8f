-- expect: error connector::connection_type
CREATE TABLE orders_ice (id BIGINT) WITH (
    connector = 'iceberg',
    catalog.type = 'rest',
    catalog.rest.url = 'http://localhost:8181',
    type = 'source',
    table_name = 'orders'
);
