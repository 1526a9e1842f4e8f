-- expect: error option::invalid_value
CREATE TABLE nexmark WITH (connector = 'nexmark', event_rate = 0);
