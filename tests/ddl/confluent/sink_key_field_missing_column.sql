-- expect: error column::unknown
CREATE TABLE order_totals (customer_id TEXT, total DOUBLE) WITH (
    connector = 'confluent',
    bootstrap_servers = 'pkc-12345.us-east-2.aws.confluent.cloud:9092',
    key = '{{ CONFLUENT_KEY }}',
    secret = '{{ CONFLUENT_SECRET }}',
    topic = 'order-totals',
    type = 'sink',
    sink.key_field = 'customer',
    format = 'json'
);
