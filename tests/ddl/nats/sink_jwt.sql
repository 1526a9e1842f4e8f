-- expect: ok +config
CREATE TABLE out (id BIGINT) WITH (
    connector = 'nats',
    servers = 'tls://nats.example.com:4222',
    auth.type = 'jwt',
    auth.jwt = '{{ NATS_JWT }}',
    auth.nkey_seed = 'SUAM-seed-not-shown',
    type = 'sink',
    subject = 'results',
    format = 'json'
);
