-- expect: error option::not_applicable
CREATE TABLE results (id BIGINT) WITH (
    connector = 'single_file',
    path = '/tmp/results.json',
    type = 'sink',
    format = 'json',
    wait_for_control = true
);
