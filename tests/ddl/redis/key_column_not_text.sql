-- expect: error option::invalid_value
CREATE TABLE counts (id BIGINT NOT NULL, n BIGINT) WITH (
    connector = 'redis',
    address = 'redis://localhost:6379',
    type = 'sink',
    target = 'string',
    target.key_prefix = 'count:',
    target.key_column = 'id',
    format = 'json'
);
