-- expect: error parse::syntax
CREATE TABLE users (id BIGINT) WITH (
    connector = 'kafka'
    topic = 'users'
);
