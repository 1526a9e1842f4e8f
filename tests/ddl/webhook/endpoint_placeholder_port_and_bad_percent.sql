-- expect: error option::invalid_value
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'http://{{ HOOK_HOST }}:{{ HOOK_PORT }}/alerts/100%',
    format = 'raw_string'
);
