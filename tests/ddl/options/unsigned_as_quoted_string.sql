-- expect: ok
CREATE TABLE logs (value TEXT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'logs',
    type = 'source',
    format = 'raw_string',
    framing = 'newline',
    framing.newline.max_length = '4096'
);
