-- expect: error option::invalid_value
CREATE TABLE events (id BIGINT, price DECIMAL(10, 2)) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'sink',
    format = 'json',
    json.decimal_encoding = 'float'
);
