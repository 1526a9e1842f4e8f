-- expect: error option::invalid_value
CREATE TABLE readings (device TEXT) WITH (
    connector = 'mqtt',
    url = 'broker:1883',
    topic = 'sensors',
    type = 'source',
    format = 'json'
);
