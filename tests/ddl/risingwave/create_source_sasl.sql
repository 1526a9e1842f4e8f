-- expect: error dialect::statement dialect::option dialect::option dialect::option dialect::option dialect::option dialect::option
-- migrates: kafka source json; auth.type = 'sasl'; auth.mechanism = 'PLAIN'; auth.protocol = 'SASL_PLAINTEXT'
-- RisingWave's Kafka page, SASL/PLAIN.
CREATE SOURCE IF NOT EXISTS source_4 (
   column1 varchar,
   column2 integer
)
WITH (
   connector='kafka',
   topic='quickstart-events',
   properties.bootstrap.server='localhost:9093',
   scan.startup.mode='earliest',
   properties.sasl.mechanism='PLAIN',
   properties.security.protocol='SASL_PLAINTEXT',
   properties.sasl.username='admin',
   properties.sasl.password='admin-secret-pw'
) FORMAT PLAIN ENCODE JSON;
