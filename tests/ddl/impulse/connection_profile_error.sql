-- expect: error profile::connector_mismatch
CREATE TABLE ticks WITH (
    connector = 'impulse',
    event_rate = 100,
    connection_profile = 'local-kafka'
);
