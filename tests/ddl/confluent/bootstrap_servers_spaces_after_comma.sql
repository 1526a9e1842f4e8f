-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'confluent',
    bootstrap_servers = 'pkc-1.confluent.cloud:9092, pkc-2.confluent.cloud:9092',
    key = '{{ CONFLUENT_KEY }}',
    secret = '{{ CONFLUENT_SECRET }}',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
