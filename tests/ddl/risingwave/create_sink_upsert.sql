-- expect: error dialect::statement dialect::option
-- migrates: no, upsert sinks have no equivalent here
CREATE SINK sink3 FROM mv3
WITH (
   connector='kafka',
   properties.bootstrap.server='localhost:9092',
   topic='test3',
   primary_key='id'
) FORMAT UPSERT ENCODE JSON;
