-- expect: error option::invalid_value option::invalid_value
CREATE TABLE click_counts (user_id TEXT, clicks BIGINT) WITH (
    connector = 'kinesis',
    stream_name = 'click-counts',
    type = 'sink',
    sink.max_bytes_per_batch = 5000000,
    sink.max_records_per_batch = 0,
    format = 'json'
);
