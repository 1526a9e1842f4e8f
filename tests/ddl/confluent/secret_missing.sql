-- expect: error option::missing
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'confluent',
    bootstrap_servers = 'pkc-12345.us-east-2.aws.confluent.cloud:9092',
    key = 'ORDERSKEY123',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
