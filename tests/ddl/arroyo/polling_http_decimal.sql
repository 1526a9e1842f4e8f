-- expect: ok
CREATE TABLE quotes (
    symbol TEXT,
    price DECIMAL(10, 5),
    tags TEXT[]
) WITH (
    connector = 'polling_http',
    endpoint = 'https://api.example.com/quotes',
    format = 'json'
);
