-- expect: ok
-- Exactly 1 GiB is the largest row group Arroyo takes.
CREATE TABLE archive (
    reading BIGINT
) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/archive/readings',
    format = 'parquet',
    'parquet.row_group_size' = '1GiB'
);
