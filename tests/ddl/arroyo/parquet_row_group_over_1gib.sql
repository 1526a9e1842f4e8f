-- expect: error option::invalid_value
-- Arroyo bounds a parquet row group at 1 GiB when the table is created; 4 GB is refused.
CREATE TABLE archive (
    reading BIGINT
) WITH (
    connector = 'filesystem',
    type = 'sink',
    path = '/archive/readings',
    format = 'parquet',
    'parquet.row_group_size' = '4GB'
);
