-- expect: error option::invalid_value
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'lookup',
    path = '/tmp/out',
    format = 'json'
);
