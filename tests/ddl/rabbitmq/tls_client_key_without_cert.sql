-- expect: error option::conflict
CREATE TABLE events (id BIGINT) WITH (
    connector = 'rabbitmq',
    tls_config.enabled = true,
    tls_config.client_keys_path = '/etc/ssl/client.key',
    stream = 'events',
    type = 'source',
    format = 'json'
);
