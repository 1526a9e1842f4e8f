-- expect: warning option::conflict +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'confluent',
    bootstrap_servers = 'pkc-12345.us-east-2.aws.confluent.cloud:9092',
    key = '{{ CONFLUENT_KEY }}',
    secret = '{{ CONFLUENT_SECRET }}',
    topic = 'orders',
    type = 'source',
    client_configs = 'security.protocol=PLAINTEXT,sasl.password=hunter2-hidden',
    format = 'json'
);
