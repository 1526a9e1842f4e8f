-- expect: ok +config
CREATE TABLE events_in (id BIGINT, payload TEXT) WITH (
    connector = 'filesystem',
    type = 'source',
    path = 'gs://raw-events/2024',
    format = 'json',
    source.regex_pattern = '.*\.json\.gz$',
    source.compression = 'gzip',
    storage.google_service_account_path = '/etc/gcs.json'
);
