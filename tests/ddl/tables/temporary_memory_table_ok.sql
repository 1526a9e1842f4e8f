-- expect: ok
CREATE TEMPORARY TABLE scratch (id BIGINT, note TEXT);
