-- expect: error parse::syntax
CREATE TABLE users (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = ,
    type = 'source',
    format = 'json'
);
