-- expect: error column::duplicate
CREATE TABLE events (
    id BIGINT,
    PRIMARY KEY (id, id) NOT ENFORCED
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
