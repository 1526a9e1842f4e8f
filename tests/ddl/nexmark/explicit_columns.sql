-- expect: ok +config
-- An explicit column list equal to the fixed schema is accepted.
CREATE TABLE nexmark (
    person STRUCT<id BIGINT, name TEXT, email_address TEXT, credit_card TEXT, city TEXT, state TEXT, datetime TIMESTAMP, extra TEXT>,
    auction STRUCT<id BIGINT, description TEXT, item_name TEXT, initial_bid BIGINT, reserve BIGINT, datetime TIMESTAMP, expires TIMESTAMP, seller BIGINT, category BIGINT, extra TEXT>,
    bid STRUCT<auction BIGINT, bidder BIGINT, price BIGINT, channel TEXT, url TEXT, datetime TIMESTAMP, extra TEXT>
) WITH (
    connector = 'nexmark',
    event_rate = 10
);
