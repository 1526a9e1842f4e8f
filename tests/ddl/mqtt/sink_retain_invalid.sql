-- expect: error option::invalid_value
CREATE TABLE alerts (device TEXT) WITH (
    connector = 'mqtt',
    url = 'mqtt://localhost:1883',
    topic = 'alerts',
    type = 'sink',
    sink.retain = 'always',
    format = 'json'
);
