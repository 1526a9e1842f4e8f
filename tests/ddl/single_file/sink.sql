-- expect: ok +config
CREATE TABLE results (id BIGINT, total DOUBLE) WITH (
    connector = 'single_file',
    path = '/tmp/results.json',
    type = 'sink',
    format = 'json'
);
