-- expect: error metadata::unknown
CREATE TABLE readings (device TEXT, t TEXT METADATA FROM 'topik') WITH (
    connector = 'mqtt',
    url = 'tcp://broker:1883',
    topic = 'sensors/#',
    type = 'source',
    format = 'json'
);
