-- expect: ok
CREATE TABLE logs (value TEXT) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'logs',
    type = 'source',
    format = 'raw_string',
    client_configs = 'sasl.jaas.config=org.example.Login required user="x";'
);
