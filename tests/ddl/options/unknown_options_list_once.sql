-- expect: error option::unknown option::unknown option::unknown
-- The valid options are listed once, at the first unknown option; later ones refer to it,
-- so a table of many unknown keys does not repeat the list for each.
CREATE TABLE t (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 't',
    type = 'source',
    format = 'json',
    zzzz_one = 'a',
    zzzz_two = 'b',
    zzzz_three = 'c'
);
