-- expect: error schema::invalid
CREATE TABLE signups WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'signups',
    type = 'source',
    format = 'json',
    json.schema = '{"type": "object", "properties": {"a": {"$ref": "#/definitions/nope"}}}'
);
