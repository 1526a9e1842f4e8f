-- expect: error option::invalid_value
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'confluent',
    bootstrap_servers = 'pkc-12345.us-east-2.aws.confluent.cloud:9092',
    key = '{{ CONFLUENT_KEY }}',
    secret = '{{ CONFLUENT_SECRET }}',
    schema_registry.endpoint = 'psrc-67890.us-east-2.aws.confluent.cloud',
    schema_registry.api_key = '{{ SR_KEY }}',
    schema_registry.api_secret = '{{ SR_SECRET }}',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
