-- expect: error option::invalid_value
CREATE TABLE readings (sensor TEXT, value DOUBLE) WITH (
    connector = 'fluvio',
    endpoint = 'localhost',
    topic = 'sensor-readings',
    type = 'source',
    format = 'json'
);
