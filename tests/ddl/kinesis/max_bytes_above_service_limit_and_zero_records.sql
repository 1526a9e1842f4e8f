-- expect: error option::invalid_value option::invalid_value
-- Kinesis takes at most 5 MiB (5242880 bytes) per `PutRecords` request; 0 records is no batch.
CREATE TABLE click_counts (user_id TEXT, clicks BIGINT) WITH (
    connector = 'kinesis',
    stream_name = 'click-counts',
    type = 'sink',
    sink.max_bytes_per_batch = 5242881,
    sink.max_records_per_batch = 0,
    format = 'json'
);
