-- expect: ok +config
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'fluvio',
    endpoint = 'router.infinyon.cloud:9003',
    topic = 'alerts',
    type = 'sink',
    format = 'raw_string'
);
