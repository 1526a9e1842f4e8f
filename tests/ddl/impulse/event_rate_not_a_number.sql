-- expect: error option::invalid_value
CREATE TABLE ticks WITH (
    connector = 'impulse',
    event_rate = 'fast'
);
