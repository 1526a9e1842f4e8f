-- expect: error format::shape
CREATE TABLE log_lines WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'logs',
    type = 'source',
    format = 'raw_string'
);
