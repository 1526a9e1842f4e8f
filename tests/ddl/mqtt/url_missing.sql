-- expect: error option::missing
CREATE TABLE readings (device TEXT) WITH (
    connector = 'mqtt',
    topic = 'sensors',
    type = 'source',
    format = 'json'
);
