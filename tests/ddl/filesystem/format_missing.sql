-- expect: error format::missing
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/tmp/out'
);
