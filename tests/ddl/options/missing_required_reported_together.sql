-- expect: error option::missing option::missing option::missing
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    format = 'json'
);
