-- expect: ok +config
CREATE TABLE ticks WITH (
    connector = 'impulse',
    event_rate = 100,
    event_time_interval = 1000000
);
