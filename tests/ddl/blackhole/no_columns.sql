-- expect: ok +config
CREATE TABLE discard WITH (
    connector = 'blackhole'
);
