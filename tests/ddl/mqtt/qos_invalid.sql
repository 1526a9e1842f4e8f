-- expect: error option::invalid_value
CREATE TABLE readings (device TEXT) WITH (
    connector = 'mqtt',
    url = 'tcp://localhost:1883',
    topic = 'sensors',
    type = 'source',
    qos = 'AtMostOnse',
    format = 'json'
);
