-- expect: ok +config
CREATE TABLE documents (value JSON) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'documents',
    type = 'source',
    format = 'json',
    json.unstructured = true
);
