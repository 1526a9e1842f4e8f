-- expect: warning format::unsupported format::unsupported +config
CREATE TABLE discard (id BIGINT) WITH (
    connector = 'blackhole',
    framing = 'newline',
    bad_data = 'drop'
);
