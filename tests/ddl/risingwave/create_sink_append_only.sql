-- expect: error dialect::statement dialect::option
-- migrates: kafka sink json
-- RisingWave's older sink syntax: `type = 'append-only'`, no FORMAT clause.
CREATE SINK sink2 FROM mv2
WITH (
   connector='kafka',
   properties.bootstrap.server='localhost:9092',
   topic='test2',
   type='append-only',
   force_append_only='true'
);
