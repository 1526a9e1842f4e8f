-- expect: warning column::deprecated column::deprecated
CREATE TABLE clicks (
    url TEXT,
    part INT GENERATED ALWAYS AS (metadata('partition')) STORED,
    pos BIGINT GENERATED ALWAYS AS (METADATA('offset_id'))
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'kafka:9092',
    topic = 'clicks',
    type = 'source',
    format = 'json'
);
