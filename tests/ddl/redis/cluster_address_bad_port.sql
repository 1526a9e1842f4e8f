-- expect: error option::invalid_value
CREATE TABLE counts (id TEXT NOT NULL) WITH (
    connector = 'redis',
    cluster.addresses = 'redis://a:6379, redis://b:637900',
    type = 'sink',
    target = 'string',
    target.key_prefix = 'count:',
    format = 'json'
);
