-- expect: warning option::not_applicable
CREATE TABLE clicks (
    user_id BIGINT,
    url TEXT
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'clicks',
    type = 'sink',
    format = 'json'
) PARTITIONED BY (user_id);
