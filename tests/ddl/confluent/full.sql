-- expect: ok +config
CREATE TABLE orders (
    id BIGINT,
    amount DOUBLE,
    kafka_offset BIGINT METADATA FROM 'offset_id',
    kafka_partition INT METADATA FROM 'partition',
    kafka_topic TEXT METADATA FROM 'topic',
    kafka_ts BIGINT METADATA FROM 'timestamp',
    kafka_key BYTEA METADATA FROM 'key'
) WITH (
    connector = 'confluent',
    bootstrap_servers = 'pkc-12345.us-east-2.aws.confluent.cloud:9092',
    key = 'ORDERSKEY123',
    secret = 'cflt-very-secret-value',
    schema_registry.endpoint = 'https://psrc-67890.us-east-2.aws.confluent.cloud',
    schema_registry.api_key = '{{ SR_KEY }}',
    schema_registry.api_secret = 'sr-hidden-secret-value',
    topic = 'orders',
    type = 'source',
    source.offset = 'earliest',
    source.read_mode = 'read_committed',
    source.group_id = 'orders-reader',
    client_configs = 'fetch.min.bytes=1024',
    value.subject = 'orders-value-v2',
    format = 'avro',
    avro.confluent_schema_registry = true
);
