-- expect: warning table::memory
CREATE TABLE scratch (
    value TEXT,
    kafka_offset BIGINT METADATA FROM 'offset_id'
);
