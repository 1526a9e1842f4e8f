-- expect: error option::missing
CREATE TABLE nexmark WITH (connector = 'nexmark');
