-- expect: error option::unknown
CREATE TABLE cdc (id BIGINT PRIMARY KEY) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'cdc',
    type = 'source',
    format = 'debezium_json',
    json.schema = '{"type": "object"}'
);
