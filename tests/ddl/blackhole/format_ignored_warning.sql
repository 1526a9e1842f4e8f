-- expect: warning format::unsupported
CREATE TABLE discard (id BIGINT) WITH (
    connector = 'blackhole',
    format = 'json'
);
