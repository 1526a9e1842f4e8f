-- expect: ok
-- An Avro source with declared columns and no schema anywhere: each message is an Avro
-- object container file carrying its writer's schema, read into these columns.
CREATE TABLE payments (
    payment_id BIGINT,
    amount DOUBLE,
    currency TEXT
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'kafka:9092',
    topic = 'payments',
    type = 'source',
    format = 'avro'
);
