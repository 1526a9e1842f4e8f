-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'confluent',
    bootstrap_servers = 'pkc-12345.us-east-2.aws.confluent.cloud:9092',
    key = '{{ CONFLUENT_KEY }}',
    secret = '{{ CONFLUENT_SECRET }}',
    topic = 'orders',
    type = 'source',
    client_configs = 'client.id=orders-app,fetch.max.wait.ms=100',
    format = 'json'
);
