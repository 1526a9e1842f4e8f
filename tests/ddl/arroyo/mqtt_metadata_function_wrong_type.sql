-- expect: error metadata::type column::deprecated
-- Read as a metadata column, the older form gets the metadata checks: `topic` is TEXT.
CREATE TABLE readings (
    celsius DOUBLE,
    topic INT GENERATED ALWAYS AS (metadata('topic')) STORED
) WITH (
    connector = 'mqtt',
    url = 'tcp://broker:1883',
    topic = 'sensors/#',
    type = 'source',
    format = 'json'
);
