-- expect: ok
-- `ARRAY<T NOT NULL>` says the items cannot be null; `T[]` and `ARRAY<T>` allow null items.
CREATE TABLE events (
    tags ARRAY<TEXT NOT NULL>,
    maybe_tags ARRAY<TEXT>,
    grid ARRAY<ARRAY<INT NOT NULL> NOT NULL> NOT NULL,
    rows ARRAY<INT NOT NULL>[],
    nested ARRAY<ARRAY<BIGINT NOT NULL>>
) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'events',
    type = 'source',
    format = 'json'
);
