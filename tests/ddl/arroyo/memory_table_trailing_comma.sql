-- expect: ok
-- A memory table's column list may end with a comma too.
CREATE TABLE staging (
    shop_id BIGINT,
    region TEXT,
);
