-- expect: ok +config
CREATE TABLE order_totals (customer_id BIGINT, total DOUBLE) WITH (
    connector = 'kafka',
    connection_profile = 'production-kafka',
    topic = 'order-totals',
    type = 'sink',
    format = 'json',
    sink.commit_mode = 'exactly_once'
);
