-- expect: ok +config
CREATE TABLE events (id BIGINT, kind TEXT) WITH (
    connector = 'rabbitmq',
    host = 'rabbit.example.com',
    port = 5551,
    username = 'events-reader',
    password = 'rabbit-pass-not-shown',
    virtual_host = '/prod',
    tls_config.enabled = true,
    tls_config.trust_certificates = false,
    tls_config.root_certificates_path = '/etc/ssl/ca.pem',
    tls_config.client_certificates_path = '/etc/ssl/client.pem',
    tls_config.client_keys_path = '/etc/ssl/client.key',
    load_balancer_mode = 'yes',
    stream = 'events',
    type = 'source',
    source.offset = 'first',
    format = 'json'
);
