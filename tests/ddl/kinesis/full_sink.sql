-- expect: ok +config
CREATE TABLE click_counts (user_id TEXT, clicks BIGINT) WITH (
    connector = 'kinesis',
    stream_name = 'click-counts',
    aws_region = 'us-gov-west-1',
    type = 'sink',
    sink.flush_interval_millis = 250,
    sink.max_bytes_per_batch = 1000000,
    sink.max_records_per_batch = '100',
    format = 'json'
);
