-- expect: error table::memory
-- Options but no `connector`: one error, not one per option.
CREATE TABLE events (id BIGINT) WITH (
    topic = 'events',
    type = 'source',
    format = 'json'
);
