-- expect: error value::overflow
CREATE TABLE logs (value TEXT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'logs',
    type = 'source',
    format = 'raw_string',
    framing = 'newline',
    framing.newline.max_length = 99999999999999999999999
);
