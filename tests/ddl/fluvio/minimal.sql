-- expect: ok +config
CREATE TABLE readings (sensor TEXT, value DOUBLE) WITH (
    connector = 'fluvio',
    topic = 'sensor-readings',
    type = 'source',
    format = 'json'
);
