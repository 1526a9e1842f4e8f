-- expect: ok +config
CREATE TABLE clicks (user_id TEXT, url TEXT, at TIMESTAMP) WITH (
    connector = 'kinesis',
    stream_name = 'click-stream',
    aws_region = 'eu-west-1',
    type = 'source',
    source.offset = 'earliest',
    format = 'json'
);
