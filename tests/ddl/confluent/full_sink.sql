-- expect: ok +config
CREATE TABLE order_totals (
    customer_id TEXT NOT NULL,
    total DOUBLE,
    window_end TIMESTAMP NOT NULL
) WITH (
    connector = 'confluent',
    bootstrap_servers = 'pkc-12345.us-east-2.aws.confluent.cloud:9092',
    key = '{{ CONFLUENT_KEY }}',
    secret = '{{ CONFLUENT_SECRET }}',
    topic = 'order-totals',
    type = 'sink',
    sink.commit_mode = 'exactly_once',
    sink.key_field = 'customer_id',
    sink.timestamp_field = 'window_end',
    format = 'json'
);
