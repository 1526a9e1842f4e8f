-- expect: error option::missing
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    format = 'json'
);
