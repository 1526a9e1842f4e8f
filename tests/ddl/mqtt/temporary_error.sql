-- expect: error connector::connection_type
CREATE TEMPORARY TABLE readings (device TEXT) WITH (
    connector = 'mqtt',
    url = 'tcp://broker:1883',
    topic = 'sensors',
    format = 'json'
);
