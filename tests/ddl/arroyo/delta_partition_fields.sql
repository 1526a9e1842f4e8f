-- expect: ok
CREATE TABLE events_sink (
    type TEXT,
    app_version TEXT,
    user_id BIGINT
) WITH (
    connector = 'delta',
    path = 's3://lake/events',
    type = 'sink',
    format = 'parquet',
    'partitioning.fields' = [type, app_version],
    'rolling_policy.interval' = interval '6000 seconds'
);
