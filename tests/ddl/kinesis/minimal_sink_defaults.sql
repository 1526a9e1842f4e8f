-- expect: ok +config
CREATE TABLE click_counts (user_id TEXT, clicks BIGINT) WITH (
    connector = 'kinesis',
    stream_name = 'click-counts',
    type = 'sink',
    format = 'json'
);
