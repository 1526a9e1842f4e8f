-- expect: ok
-- Only a leading `__arroyo` is reserved: the prefix elsewhere, or one underscore, is a name like any other.
CREATE TABLE readings (
    taken_at TIMESTAMP,
    sensor__arroyo BIGINT,
    _arroyo_note TEXT
) WITH (
    connector = 'single_file',
    path = '/data/readings.json',
    format = 'json',
    type = 'source'
);
