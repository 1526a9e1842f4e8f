-- expect: error option::missing
CREATE TABLE clicks (user_id TEXT) WITH (
    connector = 'kinesis',
    stream_name = 'click-stream',
    format = 'json'
);
