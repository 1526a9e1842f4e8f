-- expect: error dialect::statement dialect::option dialect::option option::invalid_value dialect::statement dialect::option
-- A password inside a URL never reaches a fix (fixes are output as written): the location
-- keeps its key fix only, and the registry URL makes the rewrite uncertain.
CREATE SINK lake FROM mv WITH (connector='deltalake', type='append-only', location='s3a://AK:SeCrEtXyZ@bucket/t');
CREATE SOURCE r WITH (connector='kafka', topic='t', properties.bootstrap.server='b:1') FORMAT PLAIN ENCODE AVRO (schema.registry='http://u:PaSsWoRd9@r:8081');
