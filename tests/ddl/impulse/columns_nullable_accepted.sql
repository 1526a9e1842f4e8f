-- expect: ok +config
CREATE TABLE ticks (
    counter BIGINT,
    subtask_index BIGINT
) WITH (
    connector = 'impulse',
    event_rate = 100
);
