-- expect: warning format::unsupported
CREATE TABLE discard (id BIGINT) WITH (
    connector = 'blackhole',
    framing = 'newline',
    bad_data = 'drop'
);
