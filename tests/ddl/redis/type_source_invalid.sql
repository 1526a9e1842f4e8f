-- expect: error connector::connection_type
CREATE TABLE counts (id TEXT NOT NULL) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    type = 'source',
    format = 'json'
);
