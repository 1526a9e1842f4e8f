-- expect: error option::conflict
CREATE TABLE counts (id TEXT NOT NULL) WITH (
    connector = 'redis',
    address = 'redis://a:6379',
    cluster.addresses = 'redis://b:6379,redis://c:6379',
    type = 'sink',
    target = 'string',
    target.key_prefix = 'count:',
    format = 'json'
);
