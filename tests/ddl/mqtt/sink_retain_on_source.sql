-- expect: error option::not_applicable
CREATE TABLE readings (device TEXT) WITH (
    connector = 'mqtt',
    url = 'mqtt://localhost:1883',
    topic = 'sensors',
    type = 'source',
    sink.retain = true,
    format = 'json'
);
