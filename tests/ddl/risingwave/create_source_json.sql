-- expect: error dialect::statement dialect::option dialect::option
-- migrates: kafka source json; bootstrap_servers = '172.10.1.1:9090,172.10.1.2:9090'; source.offset = 'latest'
-- RisingWave's Kafka page: a source read as JSON (its trailing comma included).
CREATE SOURCE IF NOT EXISTS source_abc (
   column1 varchar,
   column2 integer,
)
WITH (
   connector='kafka',
   topic='demo_topic',
   properties.bootstrap.server='172.10.1.1:9090,172.10.1.2:9090',
   scan.startup.mode='latest'
) FORMAT PLAIN ENCODE JSON;
