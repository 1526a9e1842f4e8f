-- expect: ok +config
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'https://alerter@hooks.chat.example/services/T000/B000/XXXXsecretXXXX?key=k-123',
    format = 'raw_string'
);
