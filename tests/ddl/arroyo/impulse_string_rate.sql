-- expect: ok
CREATE TABLE impulse WITH (connector = 'impulse', event_rate = '10');
SELECT counter FROM impulse;
