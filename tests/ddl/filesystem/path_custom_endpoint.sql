-- expect: ok +config
CREATE TABLE out (id BIGINT) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = 's3::http://minio:9000/bucket/events',
    format = 'json',
    storage.aws_access_key_id = 'admin-key-id',
    storage.aws_secret_access_key = 'minio-secret'
);
