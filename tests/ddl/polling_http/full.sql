-- expect: ok +config
CREATE TABLE prices (symbol TEXT, price DOUBLE) WITH (
    connector = 'polling_http',
    endpoint = 'https://api.example.com/v1/prices?api_key=abc123xyz',
    headers = 'Accept: application/json, Authorization: Bearer {{ PRICES_TOKEN }}, X-Api-Secret: topsecret-987',
    method = 'POST',
    body = '{"symbols": ["ACME"]}',
    poll_interval_ms = 5000,
    emit_behavior = 'changed',
    format = 'json'
);
