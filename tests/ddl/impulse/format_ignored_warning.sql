-- expect: warning format::unsupported +config
CREATE TABLE ticks WITH (
    connector = 'impulse',
    event_rate = 100,
    format = 'json'
);
