-- expect: ok +config
CREATE TABLE readings (sensor TEXT) WITH (
    connector = 'fluvio',
    endpoint = '{{ FLUVIO_ENDPOINT }}',
    topic = 'sensor-readings',
    type = 'source',
    format = 'json'
);
