-- expect: error dialect::statement dialect::option dialect::option
-- migrates: no, a descriptor file at a URL has no equivalent here
CREATE SOURCE IF NOT EXISTS protobuf_source
WITH (
   connector='kafka',
   topic='demo_topic',
   properties.bootstrap.server='172.10.1.1:9090,172.10.1.2:9090',
   scan.startup.mode='latest'
)
FORMAT PLAIN ENCODE PROTOBUF (
   message = 'test.User',
   schema.location = 'https://demo_bucket_name.s3-us-west-2.amazonaws.com/schema_descriptor.pb'
);
