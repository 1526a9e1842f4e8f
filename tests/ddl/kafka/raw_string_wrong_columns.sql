-- expect: error format::shape
CREATE TABLE log_lines (line TEXT, level TEXT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'logs',
    type = 'source',
    format = 'raw_string'
);
