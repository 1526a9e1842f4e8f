-- expect: warning option::deprecated
CREATE TABLE trips (
    vendor_id BIGINT,
    fare DOUBLE,
    datetime TIMESTAMP
) WITH (
    connector = 'filesystem',
    type = 'source',
    path = 's3://taxi/trips',
    format = 'parquet',
    'source.regex_pattern' = '.*\.parquet$',
    event_time_field = datetime
);
