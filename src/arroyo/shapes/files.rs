//! File tables: filesystem, delta and iceberg (Arroyo's hand-written serde types: snake_case,
//! internally tagged by `type`, every member written, `null` when unset) and single_file.

use super::{always, leaf, member, s, variant, Conv, Member, Shape, TableShape, Union};

/// The sink settings filesystem, delta and iceberg share (`file_sink.rs`).
const ROLLING: Member = member(
    "rolling_policy",
    Shape::Object(&[
        leaf("file_size_bytes", "rolling_policy.file_size", Conv::Bytes),
        leaf("interval_seconds", "rolling_policy.interval", Conv::Secs),
        leaf(
            "inactivity_seconds",
            "rolling_policy.inactivity_interval",
            Conv::Secs,
        ),
        always(
            "watermark_expiration",
            "rolling_policy.watermark_expiration",
            Conv::Bool,
        ),
    ]),
);

const NAMING: Member = member(
    "file_naming",
    Shape::Object(&[
        s("prefix", "filename.prefix"),
        s("suffix", "filename.suffix"),
        s("strategy", "filename.strategy"),
    ]),
);

const MULTIPART: Member = member(
    "multipart",
    Shape::Object(&[
        leaf(
            "target_part_size_bytes",
            "multipart.target_part_size",
            Conv::Bytes,
        ),
        leaf("max_parts", "multipart.max_parts", Conv::Int),
        leaf(
            "minimum_multipart_size",
            "multipart.minimum_multipart_size",
            Conv::Bytes,
        ),
    ]),
);

const SHUFFLE: Member = member(
    "shuffle_by_partition",
    Shape::Object(&[always(
        "enabled",
        "shuffle_by_partition.enabled",
        Conv::Bool,
    )]),
);

const PARTITIONING: Member = member(
    "partitioning",
    Shape::Object(&[
        s("time_pattern", "partitioning.time_pattern"),
        always("fields", "partitioning.fields", Conv::List),
        SHUFFLE,
    ]),
);

const STORAGE: Member = member("storage_options", Shape::Prefix("storage."));
const VERSION: Member = always("version", "sink.version", Conv::Str);

const FILE_SINK: &[Member] = &[
    s("path", "path"),
    STORAGE,
    ROLLING,
    NAMING,
    PARTITIONING,
    MULTIPART,
    VERSION,
];

pub(crate) const FILESYSTEM: TableShape = TableShape {
    connector: "filesystem",
    root: &[member(
        "table_type",
        Shape::Tagged {
            tag: "type",
            union: Union {
                option: Some("type"),
                variants: &[
                    variant(
                        "source",
                        &[
                            s("path", "path"),
                            always("compression_format", "source.compression", Conv::Str),
                            s("regex_pattern", "source.regex_pattern"),
                            STORAGE,
                        ],
                    ),
                    variant("sink", FILE_SINK),
                ],
            },
        },
    )],
    nulls: true,
};

pub(crate) const DELTA: TableShape = TableShape {
    connector: "delta",
    root: &[member(
        "table_type",
        Shape::Tagged {
            tag: "type",
            union: Union {
                option: Some("type"),
                variants: &[variant("sink", FILE_SINK)],
            },
        },
    )],
    nulls: true,
};

/// Iceberg's root is itself tagged; its partition fields are the `PARTITIONED BY` clause.
pub(crate) const ICEBERG: TableShape = TableShape {
    connector: "iceberg",
    root: &[member(
        "",
        Shape::Tagged {
            tag: "type",
            union: Union {
                option: Some("type"),
                variants: &[variant(
                    "sink",
                    &[
                        always("namespace", "namespace", Conv::Str),
                        s("table_name", "table_name"),
                        member(
                            "partitioning",
                            Shape::Object(&[member("fields", Shape::PartitionFields), SHUFFLE]),
                        ),
                        s("location_path", "location_path"),
                        STORAGE,
                        ROLLING,
                        NAMING,
                        MULTIPART,
                        VERSION,
                    ],
                )],
            },
        },
    )],
    nulls: true,
};

pub(crate) const SINGLE_FILE: TableShape = TableShape {
    connector: "single_file",
    root: &[
        s("path", "path"),
        always("table_type", "type", Conv::Str),
        leaf("wait_for_control", "wait_for_control", Conv::Bool),
    ],
    nulls: false,
};
