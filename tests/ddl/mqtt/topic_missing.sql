-- expect: error option::missing
CREATE TABLE readings (device TEXT) WITH (
    connector = 'mqtt',
    url = 'tcp://localhost:1883',
    type = 'source',
    format = 'json'
);
