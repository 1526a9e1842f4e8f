-- expect: error option::missing
CREATE TABLE clicks (user_id TEXT) WITH (
    connector = 'kinesis',
    type = 'source',
    format = 'json'
);
