-- expect: error format::unsupported
CREATE TABLE out (value TEXT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/tmp/out',
    format = 'raw_string'
);
