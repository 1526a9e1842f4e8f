-- expect: error option::missing
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    format = 'json'
);
