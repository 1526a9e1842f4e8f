-- expect: ok +config
CREATE TABLE readings (device TEXT, value DOUBLE) WITH (
    connector = 'mqtt',
    url = 'tcp://localhost:1883',
    topic = 'sensors/+/temperature',
    type = 'source',
    format = 'json'
);
