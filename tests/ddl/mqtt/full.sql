-- expect: ok +config
CREATE TABLE alerts (
    device TEXT,
    level BIGINT,
    topic TEXT METADATA FROM 'topic'
) WITH (
    connector = 'mqtt',
    url = 'mqtts://broker.example.com:8883',
    username = 'alerts-writer',
    password = 'mqtt-pass-not-shown',
    tls.ca = '/etc/ssl/ca.pem',
    tls.cert = '/etc/ssl/client.pem',
    tls.key = '/etc/ssl/client-key-not-shown.pem',
    max_packet_size = 1048576,
    client_prefix = 'alerts',
    topic = 'alerts/high',
    type = 'sink',
    qos = 'AtLeastOnce',
    sink.retain = 'true',
    format = 'json'
);
