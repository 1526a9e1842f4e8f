-- expect: ok
CREATE TABLE sensors (
    reading DOUBLE,
    my_topic TEXT METADATA FROM 'topic'
) WITH (
    connector = 'mqtt',
    url = 'tcp://localhost:1883',
    topic = 'sensors/+/temperature',
    type = 'source',
    format = 'json'
);
