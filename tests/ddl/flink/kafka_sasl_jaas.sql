-- expect: error dialect::type dialect::option dialect::option dialect::option dialect::option dialect::unsupported
-- migrates: no, the JAAS string holds the credentials; they are written as options here
CREATE TABLE clicks (
  url STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'clicks',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'g1',
  'properties.security.protocol' = 'SASL_PLAINTEXT',
  'properties.sasl.mechanism' = 'PLAIN',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="hunter2-secret";',
  'format' = 'json'
);
