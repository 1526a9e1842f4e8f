-- expect: ok +config
CREATE TEMPORARY TABLE products (
    sku TEXT METADATA FROM 'key' PRIMARY KEY,
    title TEXT,
    price DOUBLE
) WITH (
    connector = 'redis',
    cluster.addresses = ARRAY['redis://node-1:6379', 'redis://node-2:6379'],
    format = 'json',
    lookup.cache.max_bytes = 67108864,
    lookup.cache.ttl = '30s'
);
