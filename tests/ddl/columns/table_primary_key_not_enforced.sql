-- expect: ok
CREATE TABLE events (
    tenant_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    name TEXT,
    PRIMARY KEY (tenant_id, user_id) NOT ENFORCED
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
