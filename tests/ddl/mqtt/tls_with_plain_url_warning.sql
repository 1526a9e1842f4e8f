-- expect: warning option::not_applicable +config
CREATE TABLE readings (device TEXT) WITH (
    connector = 'mqtt',
    url = 'tcp://broker:1883',
    tls.ca = '/etc/ssl/ca.pem',
    topic = 'sensors',
    type = 'source',
    format = 'json'
);
