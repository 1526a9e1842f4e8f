-- expect: ok +config
CREATE TABLE readings (device TEXT, value DOUBLE) WITH (
    connector = 'mqtt',
    connection_profile = 'some-mqtt',
    topic = 'sensors',
    type = 'source',
    qos = 'exactly_once',
    format = 'json'
);
