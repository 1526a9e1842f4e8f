-- expect: error format::missing
CREATE TABLE console (id BIGINT, note TEXT) WITH (
    connector = 'stdout'
);
