-- expect: error option::missing
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    path = '/tmp/out',
    format = 'json'
);
