-- expect: error option::invalid_value
CREATE TABLE readings (sensor TEXT, value DOUBLE) WITH (
    connector = 'fluvio',
    topic = 'Sensor_Readings',
    type = 'source',
    format = 'json'
);
