-- expect: error option::not_applicable
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json',
    sink.commit_mode = 'exactly_once'
);
