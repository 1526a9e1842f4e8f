-- expect: ok +config
CREATE TABLE readings (sensor TEXT, value DOUBLE) WITH (
    connector = 'fluvio',
    endpoint = 'localhost:9003',
    topic = 'sensor-readings',
    type = 'source',
    source.offset = 'earliest',
    format = 'json'
);
