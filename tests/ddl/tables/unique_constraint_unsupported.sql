-- expect: error table::constraint
CREATE TABLE users (
    id BIGINT,
    email TEXT,
    UNIQUE (email)
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'users',
    type = 'source',
    format = 'json'
);
