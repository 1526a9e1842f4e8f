-- expect: error type::unknown option::unknown option::invalid_value
CREATE TABLE orders (
    id BIGINT,
    amount DOUBEL
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'orders',
    type = 'source',
    format = 'json',
    source.ofset = 'earliest',
    bad_data = 'skip'
);
