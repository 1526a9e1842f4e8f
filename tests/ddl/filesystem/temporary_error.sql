-- expect: error connector::connection_type
CREATE TEMPORARY TABLE files (id BIGINT) WITH (
    connector = 'filesystem',
    path = '/data/files',
    format = 'json'
);
