-- expect: ok +config
-- The Arroyo demo source: no columns, the schema is fixed.
CREATE TABLE nexmark WITH (
    connector = 'nexmark',
    event_rate = '10'
);

SELECT bid.price FROM nexmark WHERE bid IS NOT NULL;
