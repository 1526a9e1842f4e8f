-- expect: error dialect::statement
-- migrates: blackhole sink -
CREATE SINK discard FROM mv4 WITH (connector = 'blackhole');
