-- expect: ok +config
CREATE TABLE order_totals (customer_id TEXT, total DOUBLE) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'order-totals',
    type = 'sink',
    format = 'json',
    sink.commit_mode = 'exactly-once'
);
