-- expect: error dialect::statement dialect::option
-- migrates: kafka sink json; bootstrap_servers = 'localhost:9092'
-- RisingWave's Kafka sink page.
CREATE SINK IF NOT EXISTS sink1
FROM mv1
WITH (
   connector='kafka',
   properties.bootstrap.server='localhost:9092',
   topic='test'
)
FORMAT PLAIN ENCODE JSON (
   force_append_only='true'
);
