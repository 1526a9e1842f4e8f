-- expect: ok +config
CREATE TABLE clicks (user_id TEXT) WITH (
    connector = 'kinesis',
    stream_name = 'click-stream',
    type = 'source',
    format = 'json'
);
