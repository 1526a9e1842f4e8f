-- expect: error parse::syntax
CREATE TABLE users (
    id BIGINT
    email TEXT
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'users',
    type = 'source',
    format = 'json'
);
