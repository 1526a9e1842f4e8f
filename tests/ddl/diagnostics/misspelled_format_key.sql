-- expect: error option::unknown
-- A misspelled `format` is one mistake: not also "needs a `format`".
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    fromat = 'json'
);
