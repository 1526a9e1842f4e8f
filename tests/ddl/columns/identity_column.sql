-- expect: error parse::unsupported
CREATE TABLE events (
    id BIGINT GENERATED ALWAYS AS IDENTITY
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
