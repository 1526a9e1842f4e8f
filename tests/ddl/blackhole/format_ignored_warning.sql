-- expect: warning format::unsupported +config
CREATE TABLE discard (id BIGINT) WITH (
    connector = 'blackhole',
    format = 'json'
);
