-- expect: error option::invalid_value
CREATE TABLE clicks (user_id TEXT) WITH (
    connector = 'kinesis',
    stream_name = 'click-stream',
    aws_region = 'Frankfurt',
    type = 'source',
    format = 'json'
);
