-- expect: error column::reserved column::reserved
-- The reserved prefix is compared without case, whether the name is quoted or not.
CREATE TABLE readings (
    taken_at TIMESTAMP,
    "__Arroyo_Batch" BIGINT,
    __ARROYO_SHARD INT
) WITH (
    connector = 'single_file',
    path = '/data/readings.json',
    format = 'json',
    type = 'source'
);
