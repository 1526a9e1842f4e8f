-- expect: error connector::connection_type
CREATE TEMPORARY TABLE ticks WITH (
    connector = 'impulse',
    event_rate = 100
);
