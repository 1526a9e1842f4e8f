-- expect: error option::not_applicable
CREATE TABLE clicks (user_id TEXT) WITH (
    connector = 'kinesis',
    stream_name = 'click-stream',
    type = 'source',
    sink.max_records_per_batch = 100,
    format = 'json'
);
