-- expect: error dialect::statement dialect::option dialect::option
-- migrates: kafka source json; client_configs = 'client.id=rw-reader,fetch.max.bytes=1048576'
-- RisingWave passes other librdkafka settings as `properties.*`; here they are one option.
CREATE SOURCE tuned (
   id integer
)
WITH (
   connector='kafka',
   topic='t',
   properties.bootstrap.server='localhost:9092',
   properties.client.id='rw-reader',
   properties.fetch.max.bytes='1048576'
) FORMAT PLAIN ENCODE JSON;
