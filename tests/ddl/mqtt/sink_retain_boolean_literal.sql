-- expect: ok +config
CREATE TABLE alerts (device TEXT) WITH (
    connector = 'mqtt',
    url = 'mqtt://localhost:1883',
    topic = 'alerts',
    type = 'sink',
    sink.retain = true,
    format = 'json'
);
