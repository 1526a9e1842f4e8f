-- expect: error dialect::option dialect::option dialect::statement
-- migrates: nats source json; servers = 'nats-server:4222'; stream = 'my_stream'
-- RisingWave's NATS page: a table that reads a JetStream stream.
CREATE TABLE IF NOT EXISTS nats_source_table (
  id integer,
  name varchar
)
WITH (
  connector='nats',
  server_url='nats-server:4222',
  stream='my_stream',
  connect_mode='plain'
)
FORMAT PLAIN ENCODE JSON;
