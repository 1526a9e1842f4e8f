-- expect: error column::conflict
-- Only a whole `metadata('key')` call is the older metadata form; inside a larger
-- expression it is refused, as Arroyo refuses it.
CREATE TABLE clicks (
    url TEXT,
    host TEXT GENERATED ALWAYS AS (upper(metadata('topic')))
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'kafka:9092',
    topic = 'clicks',
    type = 'source',
    format = 'json'
);
