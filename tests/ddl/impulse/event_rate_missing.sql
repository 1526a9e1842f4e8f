-- expect: error option::missing
CREATE TABLE ticks WITH (
    connector = 'impulse'
);
