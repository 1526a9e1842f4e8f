-- expect: ok +config
-- 5,000,000 bytes is above Arroyo's default and its web form's bound (4,000,000), but within
-- the 5 MiB Kinesis accepts per `PutRecords` request.
CREATE TABLE click_counts (user_id TEXT, clicks BIGINT) WITH (
    connector = 'kinesis',
    stream_name = 'click-counts',
    type = 'sink',
    sink.max_bytes_per_batch = 5000000,
    format = 'json'
);
