-- expect: ok +config
CREATE TABLE ticks WITH (
    connector = 'impulse',
    event_rate = 100,
    message_count = 1000
);
