//! The well-known types (`google.protobuf.Timestamp`, the wrappers, `Struct`, …), which
//! map to the Arrow type of their canonical JSON form rather than to a struct of their
//! fields.

use arrow_schema::{DataType, Fields, TimeUnit};

/// How a well-known type maps.
pub(super) enum WellKnown {
    /// To this Arrow type.
    Type(DataType),
    /// To a JSON column (its canonical JSON mapping is arbitrary JSON).
    Json,
}

/// The mapping of the well-known message `full_name`, or `None` for other messages.
pub(super) fn well_known(full_name: &str) -> Option<WellKnown> {
    let data_type = match full_name {
        "google.protobuf.Timestamp" => DataType::Timestamp(TimeUnit::Nanosecond, None),
        "google.protobuf.Duration" => DataType::Duration(TimeUnit::Nanosecond),
        "google.protobuf.DoubleValue" => DataType::Float64,
        "google.protobuf.FloatValue" => DataType::Float32,
        "google.protobuf.Int64Value" => DataType::Int64,
        "google.protobuf.UInt64Value" => DataType::UInt64,
        "google.protobuf.Int32Value" => DataType::Int32,
        "google.protobuf.UInt32Value" => DataType::UInt32,
        "google.protobuf.BoolValue" => DataType::Boolean,
        "google.protobuf.StringValue" => DataType::Utf8,
        "google.protobuf.BytesValue" => DataType::Binary,
        "google.protobuf.FieldMask" => DataType::Utf8,
        "google.protobuf.Empty" => DataType::Struct(Fields::empty()),
        "google.protobuf.Struct"
        | "google.protobuf.Value"
        | "google.protobuf.ListValue"
        | "google.protobuf.Any" => return Some(WellKnown::Json),
        _ => return None,
    };
    Some(WellKnown::Type(data_type))
}
