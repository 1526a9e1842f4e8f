-- expect: error schema::invalid
CREATE TABLE bad WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'bad',
    type = 'source',
    format = 'avro',
    avro.schema = '{"type": "record", "name": "R", "fields": [{"name": "a", "type": "strin"}]}'
);
