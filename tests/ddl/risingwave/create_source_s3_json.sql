-- expect: error dialect::statement dialect::option dialect::option dialect::option dialect::option dialect::option dialect::option
-- migrates: filesystem source json; path = 's3://example-s3-source/'; storage.aws_region = 'ap-southeast-2'; source.regex_pattern = '(^|/)[^/]*\.ndjson$'
-- RisingWave's S3 page: newline-delimited JSON objects of a bucket.
CREATE SOURCE s3_source (
    id int,
    name varchar,
    age int
)
WITH (
    connector = 's3',
    s3.region_name = 'ap-southeast-2',
    s3.bucket_name = 'example-s3-source',
    s3.credentials.access = 'AKIAEXAMPLEKEY',
    s3.credentials.secret = 'S3cretAccessKeyExample',
    match_pattern = '*.ndjson'
) FORMAT PLAIN ENCODE JSON;
