-- expect: error column::unknown
CREATE TABLE ticks (
    counter BIGINT NOT NULL,
    subtask_index BIGINT NOT NULL,
    WATERMARK FOR ts
) WITH (
    connector = 'impulse',
    event_rate = 100
);
