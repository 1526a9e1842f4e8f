-- expect: warning option::not_applicable +config
CREATE TABLE logs (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'source',
    path = '/data/logs',
    format = 'json',
    json.compression = 'gzip'
);
