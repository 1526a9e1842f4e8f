-- A whole pipeline script: tables are compiled, queries are skipped.
CREATE TABLE nexmark WITH (connector = 'nexmark', event_rate = '100');

CREATE TABLE prices (
    auction BIGINT,
    price BIGINT
) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = 's3://analytics/prices',
    format = 'parquet',
    'rolling_policy.interval' = INTERVAL '10' MINUTE
);

CREATE TEMPORARY TABLE auctions (
    id TEXT METADATA FROM 'key' PRIMARY KEY,
    category BIGINT
) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    format = 'json',
    'lookup.cache.ttl' = INTERVAL '5' SECOND
);

INSERT INTO prices
SELECT bid.auction, bid.price FROM nexmark WHERE bid IS NOT NULL;
