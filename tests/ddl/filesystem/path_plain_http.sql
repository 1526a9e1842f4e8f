-- expect: error option::invalid_value
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = 'http://minio:9000/bucket/events',
    format = 'json'
);
