-- expect: error metadata::unknown
CREATE TABLE readings (
    sensor TEXT,
    t TEXT METADATA FROM 'topic'
) WITH (
    connector = 'fluvio',
    topic = 'sensor-readings',
    type = 'source',
    format = 'json'
);
