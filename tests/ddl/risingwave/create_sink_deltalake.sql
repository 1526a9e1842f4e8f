-- expect: error dialect::statement dialect::option dialect::option dialect::option dialect::option dialect::option
-- migrates: delta sink parquet; path = 's3://my-delta-lake-bucket/path/to/table'; storage.aws_endpoint = 'https://s3.ap-southeast-1.amazonaws.com'
-- RisingWave's Delta Lake sink page.
CREATE SINK s1_sink FROM s1_table
WITH (
    connector = 'deltalake',
    type = 'append-only',
    location = 's3a://my-delta-lake-bucket/path/to/table',
    s3.endpoint = 'https://s3.ap-southeast-1.amazonaws.com',
    s3.access.key = 'AKIAEXAMPLEKEY',
    s3.secret.key = 'DeltaSecretKeyExample'
);
