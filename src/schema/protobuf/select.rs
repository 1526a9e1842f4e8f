//! Choosing the message to expand: by full name, by an unambiguous dotted suffix, or as
//! the root file's only top-level message, with the nearest name and the existing
//! messages as help when the choice fails.

use prost_reflect::{DescriptorPool, MessageDescriptor};

use crate::diagnostics::codes;
use crate::schema::expand::SchemaError;

/// How many message names an error's help lists before it abbreviates.
const MAX_LISTED: usize = 30;
/// Messages a user may pick: everything except the well-known types and map entries.
pub(super) fn user_messages(pool: &DescriptorPool) -> Vec<MessageDescriptor> {
    pool.all_messages()
        .filter(|m| !m.full_name().starts_with("google.protobuf.") && !m.is_map_entry())
        .collect()
}

/// "`a`, `b`, `c`", abbreviated after [`MAX_LISTED`] names.
fn list_names(names: &[String]) -> String {
    let mut text = names
        .iter()
        .take(MAX_LISTED)
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > MAX_LISTED {
        text.push_str(&format!(" and {} more", names.len() - MAX_LISTED));
    }
    text
}

/// Finds the message to expand, by name or as the root file's only top-level message.
pub(super) fn select_message(
    pool: &DescriptorPool,
    root_name: &str,
    message_name: Option<&str>,
) -> Result<MessageDescriptor, SchemaError> {
    let all: Vec<String> = user_messages(pool)
        .iter()
        .map(|m| m.full_name().to_string())
        .collect();
    let Some(wanted) = message_name else {
        let top: Vec<MessageDescriptor> = pool
            .get_file_by_name(root_name)
            .map(|f| f.messages().collect())
            .unwrap_or_default();
        if let [only] = top.as_slice() {
            return Ok(only.clone());
        }
        // With no top-level message of its own, the root may still import the one wanted.
        let (message, candidates) = if top.is_empty() {
            (
                format!(
                    "`protobuf.message_name` is required: `{root_name}` defines no top-level message"
                ),
                all,
            )
        } else {
            (
                format!(
                    "`protobuf.message_name` is required: `{root_name}` defines {} top-level messages",
                    top.len()
                ),
                top.iter().map(|m| m.full_name().to_string()).collect(),
            )
        };
        if candidates.is_empty() {
            return Err(SchemaError::new(
                codes::INVALID_SCHEMA,
                format!("protobuf file `{root_name}` defines no message"),
            ));
        }
        return Err(
            SchemaError::new(codes::MISSING_OPTION, message).with_help(format!(
                "set `protobuf.message_name` to one of {}",
                list_names(&candidates)
            )),
        );
    };

    let wanted_trimmed = wanted.trim().trim_start_matches('.');
    if let Some(message) = pool.get_message_by_name(wanted_trimmed) {
        if !message.is_map_entry() {
            return Ok(message);
        }
    }
    // A short name, or any dotted suffix of the full name, is accepted when only one
    // message matches it.
    let suffix = format!(".{wanted_trimmed}");
    let matches: Vec<MessageDescriptor> = user_messages(pool)
        .into_iter()
        .filter(|m| m.full_name().ends_with(&suffix))
        .collect();
    match matches.as_slice() {
        [only] => Ok(only.clone()),
        [] => {
            let mut help = String::new();
            if let Some(near) = nearest(wanted_trimmed, &all) {
                help.push_str(&format!("did you mean `{near}`? "));
            }
            if all.is_empty() {
                help.push_str("the schema defines no message");
            } else {
                help.push_str(&format!("messages are {}", list_names(&all)));
            }
            Err(SchemaError::new(
                codes::SCHEMA_NOT_FOUND,
                format!("message `{wanted}` not found"),
            )
            .with_help(help))
        }
        several => {
            let names: Vec<String> = several.iter().map(|m| m.full_name().to_string()).collect();
            Err(SchemaError::new(
                codes::INVALID_VALUE,
                format!("message name `{wanted}` is ambiguous"),
            )
            .with_help(format!(
                "use the fully qualified name: {}",
                list_names(&names)
            )))
        }
    }
}

/// The message name nearest to `wanted`, comparing against full names and, for a name
/// without a package, against short names too; `None` when nothing is close.
fn nearest<'a>(wanted: &str, names: &'a [String]) -> Option<&'a str> {
    let limit = (wanted.chars().count() / 3).max(2);
    names
        .iter()
        .map(|full| {
            let short = full.rsplit('.').next().unwrap_or(full);
            let distance = strsim::levenshtein(wanted, full)
                .min(strsim::levenshtein(wanted, short))
                .min(strsim::levenshtein(
                    &wanted.to_lowercase(),
                    &full.to_lowercase(),
                ));
            (distance, full.as_str())
        })
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}
