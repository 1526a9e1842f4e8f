-- expect: ok +config
CREATE TABLE trips (id BIGINT, fare DOUBLE) WITH (
    connector = 'filesystem',
    type = 'source',
    path = 'https://s3.eu-west-1.amazonaws.com/trips/2024/',
    format = 'parquet'
);
