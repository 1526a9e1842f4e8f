-- expect: ok +config
CREATE TABLE order_totals (
    customer_id TEXT NOT NULL,
    total DOUBLE,
    window_end TIMESTAMP NOT NULL
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'order-totals',
    type = 'sink',
    format = 'json',
    sink.key_field = 'customer_id',
    sink.timestamp_field = 'window_end'
);
