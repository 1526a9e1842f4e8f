-- expect: error dialect::statement dialect::option dialect::option
-- migrates: kafka source json; source.group_id_prefix = 'rw-consumer'
CREATE SOURCE prefixed (
   id integer
)
WITH (
   connector='kafka',
   topic='t',
   properties.bootstrap.server='localhost:9092',
   group.id.prefix='rw-consumer'
) FORMAT PLAIN ENCODE JSON;
