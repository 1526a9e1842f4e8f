-- expect: ok
-- Batch options written as strings, and a batch of 5,000,000 bytes: within the 5 MiB that
-- Kinesis takes per `PutRecords` request, though above Arroyo's default.
CREATE TABLE shipments_out (
    shipment_id INT,
    carrier TEXT
) WITH (
    connector = 'kinesis',
    stream_name = 'shipments',
    type = 'sink',
    format = 'json',
    'sink.max_records_per_batch' = '250',
    'sink.max_bytes_per_batch' = '5000000',
    'sink.flush_interval_millis' = '500'
);
