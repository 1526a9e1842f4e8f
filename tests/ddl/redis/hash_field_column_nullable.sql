-- expect: error option::invalid_value
CREATE TABLE counts (id TEXT NOT NULL, field TEXT, n BIGINT) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    type = 'sink',
    target = 'hash',
    target.key_prefix = 'count:',
    target.field_column = 'field',
    format = 'json'
);
