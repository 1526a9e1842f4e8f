-- expect: error dialect::option dialect::option dialect::option dialect::option dialect::option dialect::statement
-- migrates: no, there is no CSV format here
-- RisingWave's S3 page as written: a table over CSV files.
CREATE TABLE s(
    id int,
    name varchar,
    age int,
    primary key(id)
)
WITH (
    connector = 's3',
    s3.region_name = 'ap-southeast-2',
    s3.bucket_name = 'example-s3-source',
    s3.credentials.access = 'AKIAEXAMPLEKEY',
    s3.credentials.secret = 'S3cretAccessKeyExample'
) FORMAT PLAIN ENCODE CSV (
    without_header = 'true',
    delimiter = ','
);
