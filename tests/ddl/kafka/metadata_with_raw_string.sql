-- expect: ok +config
CREATE TABLE log_lines (
    value TEXT,
    kafka_partition INT METADATA FROM 'partition',
    kafka_offset BIGINT METADATA FROM 'offset_id'
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'logs',
    type = 'source',
    format = 'raw_string'
);
