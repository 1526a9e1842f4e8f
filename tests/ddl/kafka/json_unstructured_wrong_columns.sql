-- expect: error format::shape
CREATE TABLE documents (id BIGINT, value JSON) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'documents',
    type = 'source',
    format = 'json',
    json.unstructured = true
);
