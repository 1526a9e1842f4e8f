-- expect: error option::conflict
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'confluent',
    bootstrap_servers = 'pkc-12345.us-east-2.aws.confluent.cloud:9092',
    key = '{{ CONFLUENT_KEY }}',
    secret = '{{ CONFLUENT_SECRET }}',
    schema_registry.api_secret = 'sr-hidden-secret-value',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
