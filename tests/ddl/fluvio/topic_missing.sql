-- expect: error option::missing
CREATE TABLE readings (sensor TEXT, value DOUBLE) WITH (
    connector = 'fluvio',
    type = 'source',
    format = 'json'
);
