-- expect: ok +config
CREATE TABLE ticks (
    counter BIGINT NOT NULL,
    subtask_index BIGINT NOT NULL
) WITH (
    connector = 'impulse',
    event_rate = 100
);
