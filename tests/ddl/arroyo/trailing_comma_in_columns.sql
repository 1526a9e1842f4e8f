-- expect: ok
-- Arroyo's parser takes a comma after the last column (several of its smoke tests have one).
CREATE TABLE totals (
    shop_id BIGINT,
    revenue DOUBLE,
) WITH (
    connector = 'single_file',
    path = '/out/totals.json',
    format = 'debezium_json',
    type = 'sink'
);
