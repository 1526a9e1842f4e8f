-- expect: ok
-- the raw click stream
CREATE TABLE /* inline */ clicks ( -- columns follow
    /* who */ user_id BIGINT NOT NULL, -- never null
    url TEXT /* the page */,
    -- when
    clicked_at TIMESTAMP
) /* options */ WITH (
    connector = 'kafka', -- the connector
    connection_profile = /* a profile */ 'local-kafka',
    topic = 'clicks',
    /* type = 'sink', */
    type = 'source',
    format = 'json' -- last
) /* done */; -- trailing
