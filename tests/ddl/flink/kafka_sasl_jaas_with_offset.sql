-- expect: error dialect::type dialect::option dialect::unsupported dialect::option
-- migrates: no, credentials inside a JAAS string are written as auth.* options here
-- One diagnostic for the JAAS string (no follow-on `auth.*` conflicts), its key shown and
-- its value masked.
CREATE TABLE t (id BIGINT) WITH (
  'connector' = 'kafka',
  'properties.bootstrap.servers' = 'b:1',
  'topic' = 't',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p4ssw0rd-jaas";',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);
