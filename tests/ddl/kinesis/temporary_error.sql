-- expect: error connector::connection_type
CREATE TEMPORARY TABLE clicks (user_id TEXT) WITH (
    connector = 'kinesis',
    stream_name = 'click-stream',
    format = 'json'
);
