-- expect: error option::not_applicable
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'fluvio',
    topic = 'alerts',
    type = 'sink',
    source.offset = 'latest',
    format = 'raw_string'
);
