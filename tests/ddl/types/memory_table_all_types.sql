-- expect: ok
CREATE TABLE scratch (
    a BOOLEAN,
    b TINYINT,
    c SMALLINT,
    d INT,
    e BIGINT,
    f INT UNSIGNED,
    g BIGINT UNSIGNED,
    h REAL,
    i DOUBLE,
    j DECIMAL(10, 2),
    k TEXT,
    l JSON,
    m BYTEA,
    n TIMESTAMP(3),
    o DATE,
    p TIME,
    q INTERVAL,
    r STRUCT<x INT, y TEXT>,
    s TEXT[],
    t MAP<TEXT, INT>
);
