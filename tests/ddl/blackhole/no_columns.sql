-- expect: ok
CREATE TABLE discard WITH (
    connector = 'blackhole'
);
