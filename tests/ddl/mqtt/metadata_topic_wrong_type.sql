-- expect: error metadata::type
CREATE TABLE readings (device TEXT, t BIGINT METADATA FROM 'topic') WITH (
    connector = 'mqtt',
    url = 'tcp://broker:1883',
    topic = 'sensors/#',
    type = 'source',
    format = 'json'
);
