-- expect: error metadata::unknown
CREATE TABLE events (id BIGINT, off BIGINT METADATA FROM 'offset') WITH (
    connector = 'rabbitmq',
    stream = 'events',
    type = 'source',
    format = 'json'
);
