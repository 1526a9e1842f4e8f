-- expect: ok
CREATE TABLE ticks WITH (
    connector = 'impulse',
    event_rate = 10,
    event_time_interval = INTERVAL '1' SECOND
);
