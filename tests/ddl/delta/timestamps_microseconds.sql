-- expect: ok +config
CREATE TABLE events_lake (
    id BIGINT,
    at TIMESTAMP(9),
    at_ms TIMESTAMP(3)
) WITH (
    connector = 'delta',
    type = 'sink',
    path = '/lake/events',
    format = 'parquet'
);
