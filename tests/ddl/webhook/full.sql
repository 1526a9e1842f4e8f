-- expect: ok +config
CREATE TABLE alerts (id BIGINT, message TEXT) WITH (
    connector = 'webhook',
    endpoint = 'https://hooks.example.com/services/{{ HOOK_PATH }}?token={{ HOOK_TOKEN }}',
    headers = 'Content-Type: application/json, Authorization: Basic dXNlcjpodW50ZXIy',
    format = 'json'
);
