-- expect: error option::not_applicable
CREATE TABLE logs (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'source',
    path = '/data/logs',
    format = 'json',
    rolling_policy.file_size = '64mb'
);
