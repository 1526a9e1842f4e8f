-- expect: warning option::not_applicable +config
CREATE TABLE events (id BIGINT) WITH (
    connector = 'rabbitmq',
    tls_config.root_certificates_path = '/etc/ssl/ca.pem',
    stream = 'events',
    type = 'source',
    format = 'json'
);
