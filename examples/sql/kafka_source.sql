-- A Kafka source with a watermark, a metadata column and a generated column.
CREATE TABLE user_events (
    user_id BIGINT NOT NULL,
    event TEXT NOT NULL,
    event_time TIMESTAMP NOT NULL,
    kafka_offset BIGINT METADATA FROM 'offset_id',
    day TEXT GENERATED ALWAYS AS (date_trunc('day', event_time)) STORED,
    WATERMARK FOR event_time AS event_time - INTERVAL '10' SECOND
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'user-events',
    type = 'source',
    format = 'json',
    'source.offset' = 'earliest'
);

CREATE TABLE counts WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'counts',
    type = 'sink',
    format = 'json'
);

INSERT INTO counts SELECT user_id, count(*) FROM user_events GROUP BY user_id;
