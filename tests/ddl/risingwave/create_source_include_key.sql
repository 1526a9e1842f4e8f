-- expect: error dialect::statement dialect::option dialect::option
-- migrates: kafka source json; source.offset = 'earliest'
-- RisingWave's INCLUDE clause: the message key as a column.
CREATE SOURCE clicks (
   url varchar,
   user_id bigint
)
INCLUDE key AS click_key
INCLUDE offset
WITH (
   connector='kafka',
   topic='clicks',
   properties.bootstrap.server='localhost:9092',
   scan.startup.mode='earliest'
) FORMAT PLAIN ENCODE JSON;
