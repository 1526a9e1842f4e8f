-- expect: error option::duplicate option::invalid_value
-- The last value of a repeated key is the one used, so it is the one checked; the first is
-- only marked by the warning.
CREATE TABLE events (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json',
    source.offset = 'latest',
    source.offset = 'newest'
);
