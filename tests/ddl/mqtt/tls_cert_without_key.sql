-- expect: error option::conflict
CREATE TABLE readings (device TEXT) WITH (
    connector = 'mqtt',
    url = 'ssl://broker:8883',
    tls.cert = '/etc/ssl/client.pem',
    topic = 'sensors',
    type = 'source',
    format = 'json'
);
