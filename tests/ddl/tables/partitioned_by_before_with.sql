-- expect: warning option::not_applicable
CREATE TABLE clicks (
    user_id BIGINT,
    url TEXT
) PARTITIONED BY (user_id) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'clicks',
    type = 'sink',
    format = 'json'
);
