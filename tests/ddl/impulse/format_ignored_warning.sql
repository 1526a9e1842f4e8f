-- expect: warning format::unsupported
CREATE TABLE ticks WITH (
    connector = 'impulse',
    event_rate = 100,
    format = 'json'
);
