-- expect: error option::invalid_value
CREATE TABLE logs (value TEXT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'logs',
    type = 'source',
    format = 'raw_string',
    framing = 'length_delimited'
);
