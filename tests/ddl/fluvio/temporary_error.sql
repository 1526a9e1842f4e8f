-- expect: error connector::connection_type
CREATE TEMPORARY TABLE readings (sensor TEXT, value DOUBLE) WITH (
    connector = 'fluvio',
    topic = 'sensor-readings',
    format = 'json'
);
