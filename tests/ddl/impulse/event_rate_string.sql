-- expect: ok +config
CREATE TABLE ticks WITH (
    connector = 'impulse',
    event_rate = '10'
);
