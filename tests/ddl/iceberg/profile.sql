-- expect: ok +config
CREATE TABLE events_ice (
    id BIGINT,
    at TIMESTAMP NOT NULL
) WITH (
    connector = 'iceberg',
    connection_profile = 'lakehouse',
    namespace = 'web',
    table_name = 'events',
    type = 'sink',
    format = 'parquet'
) PARTITIONED BY (day(at));
