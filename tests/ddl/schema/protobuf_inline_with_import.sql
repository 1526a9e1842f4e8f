-- expect: ok
CREATE TABLE invoices WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'invoices',
    type = 'source',
    format = 'protobuf',
    protobuf.schema = '
        syntax = "proto3";
        package billing;
        import "shop/common.proto";
        message Invoice {
            string id = 1;
            shop.common.Money total = 2;
            repeated shop.common.Money lines = 3;
            shop.common.Status status = 4;
        }'
);
