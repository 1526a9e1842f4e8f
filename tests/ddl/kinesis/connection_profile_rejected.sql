-- expect: error profile::connector_mismatch
CREATE TABLE clicks (user_id TEXT) WITH (
    connector = 'kinesis',
    connection_profile = 'local-kafka',
    stream_name = 'click-stream',
    type = 'source',
    format = 'json'
);
