-- expect: error dialect::statement dialect::option
-- migrates: kafka source raw_bytes; source.offset = 'earliest'
CREATE SOURCE raw_events (
   value bytea
)
WITH (
   connector='kafka',
   topic='raw',
   properties.bootstrap.server='localhost:9092'
) FORMAT PLAIN ENCODE BYTES;
