-- expect: error column::reserved
-- Arroyo refuses a column whose name starts with `__arroyo` when the table is created.
CREATE TABLE readings (
    taken_at TIMESTAMP,
    __arroyo_seq BIGINT
) WITH (
    connector = 'single_file',
    path = '/data/readings.json',
    format = 'json',
    type = 'source'
);
