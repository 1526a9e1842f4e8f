CREATE TABLE orders (
    id BIGINT,
    note VARCHAR
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'orders',
    'source.offst' = 'earliest',
    type = 'source',
    format = 'json'
);

CREATE TABLE payments WITH (
    connector = 'kafka', connection_profile = 'local-kafka', topic = 'payments',
    type = 'source', format = 'avro', avro.schema_file = 'payment.avsc'
);
