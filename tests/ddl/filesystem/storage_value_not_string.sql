-- expect: error option::invalid_value option::invalid_value
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = 's3://bucket/events',
    format = 'json',
    storage.aws_allow_http = true,
    storage.max_retries = 3
);
