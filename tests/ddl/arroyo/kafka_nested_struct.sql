-- expect: ok
CREATE TABLE nested (
    a INT,
    x STRUCT<b TEXT, y STRUCT<c BIGINT>>
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'kafka:9092',
    topic = 'nested',
    type = 'source',
    format = 'json'
);
SELECT x.y.c FROM nested;
