-- expect: error option::invalid_value
CREATE TABLE readings (sensor TEXT, value DOUBLE) WITH (
    connector = 'fluvio',
    topic = 'sensor-readings',
    type = 'producer',
    format = 'json'
);
