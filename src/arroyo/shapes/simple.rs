//! Connectors whose Arroyo table config is a flat object, its keys our option names:
//! impulse, nexmark, polling_http, sse, webhook, websocket, and the empty blackhole and
//! stdout configs.

use super::{always, leaf, member, s, Conv, Shape, TableShape};

pub(crate) const IMPULSE: TableShape = TableShape {
    connector: "impulse",
    root: &[
        always("event_rate", "event_rate", Conv::Float),
        leaf("event_time_interval", "event_time_interval", Conv::Nanos),
        leaf("message_count", "message_count", Conv::Int),
    ],
    nulls: false,
};

pub(crate) const NEXMARK: TableShape = TableShape {
    connector: "nexmark",
    root: &[
        always("event_rate", "event_rate", Conv::Float),
        leaf("runtime", "runtime", Conv::Float),
    ],
    nulls: false,
};

pub(crate) const POLLING_HTTP: TableShape = TableShape {
    connector: "polling_http",
    root: &[
        s("endpoint", "endpoint"),
        s("headers", "headers"),
        s("method", "method"),
        s("body", "body"),
        leaf("poll_interval_ms", "poll_interval_ms", Conv::Int),
        s("emit_behavior", "emit_behavior"),
    ],
    nulls: false,
};

pub(crate) const SSE: TableShape = TableShape {
    connector: "sse",
    root: &[
        s("endpoint", "endpoint"),
        s("headers", "headers"),
        leaf("events", "events", Conv::CommaList),
    ],
    nulls: false,
};

pub(crate) const WEBHOOK: TableShape = TableShape {
    connector: "webhook",
    root: &[s("endpoint", "endpoint"), s("headers", "headers")],
    nulls: false,
};

pub(crate) const WEBSOCKET: TableShape = TableShape {
    connector: "websocket",
    root: &[
        s("endpoint", "endpoint"),
        s("headers", "headers"),
        s("subscription_message", "subscription_message"),
        member(
            "subscription_messages",
            Shape::Indexed("subscription_messages."),
        ),
    ],
    nulls: false,
};

pub(crate) const BLACKHOLE: TableShape = TableShape {
    connector: "blackhole",
    root: &[],
    nulls: false,
};

pub(crate) const STDOUT: TableShape = TableShape {
    connector: "stdout",
    root: &[],
    nulls: false,
};
