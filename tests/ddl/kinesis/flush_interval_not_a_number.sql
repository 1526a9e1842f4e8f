-- expect: error option::invalid_value
CREATE TABLE click_counts (user_id TEXT, clicks BIGINT) WITH (
    connector = 'kinesis',
    stream_name = 'click-counts',
    type = 'sink',
    sink.flush_interval_millis = '1s',
    format = 'json'
);
