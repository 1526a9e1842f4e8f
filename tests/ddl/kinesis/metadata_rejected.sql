-- expect: error metadata::unknown
CREATE TABLE clicks (
    user_id TEXT,
    shard TEXT METADATA FROM 'shard_id'
) WITH (
    connector = 'kinesis',
    stream_name = 'click-stream',
    type = 'source',
    format = 'json'
);
