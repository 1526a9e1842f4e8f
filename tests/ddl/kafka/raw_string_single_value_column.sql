-- expect: ok +config
CREATE TABLE log_lines (value TEXT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'logs',
    type = 'source',
    format = 'raw_string'
);
