-- expect: error dialect::statement
-- migrates: mqtt source json; topic = 'sensors/#'
-- RisingWave's MQTT page: the options are ours as written; only the statement differs.
CREATE SOURCE mqtt_source (
   device_id varchar,
   temperature double precision
)
WITH (
   connector='mqtt',
   url='tcp://mqtt-server:1883',
   topic='sensors/#',
   qos='at_least_once'
) FORMAT PLAIN ENCODE JSON;
