-- expect: ok
CREATE TABLE out WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/tmp/out',
    format = 'json'
);
