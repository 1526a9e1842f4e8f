-- expect: warning option::not_applicable +config
CREATE TABLE counts (id TEXT NOT NULL) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    type = 'sink',
    target = 'string',
    target.key_prefix = 'count:',
    format = 'json',
    lookup.cache.ttl = '10s'
);
