-- expect: error format::missing
CREATE TABLE readings (device TEXT) WITH (
    connector = 'mqtt',
    url = 'tcp://broker:1883',
    topic = 'sensors',
    type = 'source'
);
