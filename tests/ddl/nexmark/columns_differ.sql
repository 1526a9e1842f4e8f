-- expect: error connector::fixed_schema
CREATE TABLE nexmark (
    bid STRUCT<auction BIGINT, price BIGINT>
) WITH (
    connector = 'nexmark',
    event_rate = 10
);
