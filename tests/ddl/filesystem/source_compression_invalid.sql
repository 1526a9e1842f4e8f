-- expect: error option::invalid_value
CREATE TABLE logs (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'source',
    path = '/data/logs',
    format = 'json',
    source.compression = 'bzip2'
);
