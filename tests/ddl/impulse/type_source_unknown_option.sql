-- expect: error option::unknown
CREATE TABLE ticks WITH (
    connector = 'impulse',
    event_rate = 100,
    type = 'source'
);
