-- expect: error format::unsupported
CREATE TABLE blobs (value BYTEA) WITH (
    connector = 'single_file',
    path = '/data/blobs.bin',
    type = 'source',
    format = 'raw_bytes'
);
