-- expect: error dialect::statement dialect::option dialect::option dialect::unsupported
-- migrates: no, a source cannot start at a timestamp here
-- RisingWave's Kafka page as written.
CREATE SOURCE IF NOT EXISTS source_abc (
   column1 varchar,
   column2 integer,
)
WITH (
   connector='kafka',
   topic='demo_topic',
   properties.bootstrap.server='172.10.1.1:9090,172.10.1.2:9090',
   scan.startup.mode='latest',
   scan.startup.timestamp.millis='140000000'
) FORMAT PLAIN ENCODE JSON;
