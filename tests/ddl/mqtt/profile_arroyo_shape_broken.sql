-- expect: error profile::invalid profile::invalid
-- Mistakes inside an Arroyo-shaped profile are told in JSON's words and Arroyo's key names.
CREATE TABLE alerts (id BIGINT) WITH (
    connector = 'mqtt',
    connection_profile = 'arroyo-mqtt-broken',
    topic = 'alerts',
    type = 'source',
    format = 'json'
);
