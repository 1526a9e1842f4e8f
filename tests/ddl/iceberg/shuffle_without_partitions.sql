-- expect: warning option::not_applicable +config
CREATE TABLE orders_ice (id BIGINT) WITH (
    connector = 'iceberg',
    catalog.type = 'rest',
    catalog.rest.url = 'http://localhost:8181',
    type = 'sink',
    table_name = 'orders',
    shuffle_by_partition.enabled = true
);
