-- expect: warning option::deprecated
CREATE TABLE cars (
    "timestamp" TIMESTAMP,
    driver_id BIGINT,
    event_type TEXT
) WITH (
    connector = 'single_file',
    path = '$input_dir/cars.json',
    format = 'json',
    type = 'source',
    event_time_field = 'timestamp'
);
