-- expect: error option::missing
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'confluent',
    key = '{{ CONFLUENT_KEY }}',
    secret = '{{ CONFLUENT_SECRET }}',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
