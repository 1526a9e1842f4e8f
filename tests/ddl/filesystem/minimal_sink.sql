-- expect: ok +config
CREATE TABLE out WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/tmp/out',
    format = 'json'
);
