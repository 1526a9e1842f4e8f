-- expect: error format::missing
CREATE TABLE alerts (value TEXT) WITH (
    connector = 'webhook',
    endpoint = 'http://localhost:3000/hook'
);
