-- expect: error option::missing option::missing
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'confluent',
    bootstrap_servers = 'pkc-12345.us-east-2.aws.confluent.cloud:9092',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
