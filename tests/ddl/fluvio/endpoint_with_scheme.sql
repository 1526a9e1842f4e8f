-- expect: error option::invalid_value
CREATE TABLE readings (sensor TEXT, value DOUBLE) WITH (
    connector = 'fluvio',
    endpoint = 'https://router.infinyon.cloud:9003',
    topic = 'sensor-readings',
    type = 'source',
    format = 'json'
);
