-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'b-1.msk.eu-west-1.amazonaws.com:9098',
    auth.type = 'aws_msk_iam',
    auth.region = 'eu-west-1',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
