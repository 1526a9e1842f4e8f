-- expect: ok +config
-- A connection profile stored in Arroyo's shape (`authentication: {username, password}`)
-- gives the same connection as the flat `auth.type = 'credentials'` options.
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'nats',
    connection_profile = 'arroyo-nats',
    type = 'sink',
    subject = 'orders',
    format = 'json'
);
