-- expect: error option::unknown
-- A misspelled `type` is one mistake: the table's other options are not judged without it.
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    tpye = 'source',
    format = 'json'
);
