-- expect: error format::unsupported
CREATE TABLE events (id BIGINT) WITH (
    connector = 'single_file',
    path = '/data/events.json.gz',
    type = 'source',
    format = 'json',
    json.compression = 'gzip'
);
