-- expect: error option::invalid_value
CREATE TABLE clicks (user_id TEXT) WITH (
    connector = 'kinesis',
    stream_name = 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks',
    type = 'source',
    format = 'json'
);
