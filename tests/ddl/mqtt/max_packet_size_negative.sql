-- expect: error option::invalid_value
CREATE TABLE readings (device TEXT) WITH (
    connector = 'mqtt',
    url = 'tcp://broker:1883',
    max_packet_size = '-1',
    topic = 'sensors',
    type = 'source',
    format = 'json'
);
