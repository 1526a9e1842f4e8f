-- expect: error connector::connection_type
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT
) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    type = 'lookup',
    format = 'json'
);
