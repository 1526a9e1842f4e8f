-- expect: ok +config
CREATE TABLE user_events (
    user_id BIGINT NOT NULL,
    event TEXT NOT NULL,
    event_time TIMESTAMP NOT NULL,
    WATERMARK FOR event_time AS event_time - INTERVAL '10' SECOND
) WITH (
    connector = 'kafka',
    connection_profile = 'production-kafka',
    topic = 'user-events',
    type = 'source',
    format = 'json'
);
