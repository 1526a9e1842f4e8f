-- expect: error metadata::unknown
CREATE TABLE logs (
    id BIGINT,
    file TEXT METADATA FROM 'path'
) WITH (
    connector = 'filesystem',
    type = 'source',
    path = '/data/logs',
    format = 'json'
);
