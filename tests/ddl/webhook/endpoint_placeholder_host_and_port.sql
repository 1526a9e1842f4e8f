-- expect: ok +config
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'https://{{HOST}}:{{ PORT }}/hooks',
    format = 'raw_string'
);
