-- expect: error connector::fixed_schema
CREATE TABLE ticks (
    counter INT,
    ts TIMESTAMP
) WITH (
    connector = 'impulse',
    event_rate = 100
);
