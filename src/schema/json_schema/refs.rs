//! `$ref` resolution: local JSON pointers, `$anchor`s and the root `$id`.

use std::borrow::Cow;

use super::*;

/// Objects with more members than this are indexed on the first `$ref` through them.
const INDEXED_OBJECT: usize = 16;

impl<'a> Walker<'a> {
    /// Resolves a `$ref` string to a node of this document, or says it is remote.
    pub(super) fn resolve(&mut self, reference: &str) -> Result<Resolved<'a>, SchemaError> {
        let (base, fragment) = reference.split_once('#').unwrap_or((reference, ""));
        if !base.is_empty() && !self.is_own_id(base) {
            return Ok(Resolved::Remote);
        }
        let fragment = percent_decode(fragment).ok_or_else(|| {
            SchemaError::new(
                codes::INVALID_SCHEMA,
                format!("`$ref` `{reference}` is not a valid URI fragment"),
            )
        })?;
        let Some(pointer) = fragment.strip_prefix('/') else {
            if fragment.is_empty() {
                return Ok(Resolved::Local(self.root));
            }
            return self
                .anchor(&fragment)
                .map(Resolved::Local)
                .ok_or_else(|| unresolved(reference, &format!("no `$anchor` named `{fragment}`")));
        };
        let mut node = self.root;
        for (walked, token) in pointer.split('/').enumerate() {
            let token = pointer_token(token);
            let next = match &node.value {
                Value::Object(members) if members.len() > INDEXED_OBJECT => self
                    .members
                    .entry(ident(node))
                    // Later members win, as `Json::get` reads a repeated key.
                    .or_insert_with(|| members.iter().map(|m| (m.key.as_ref(), &m.value)).collect())
                    .get(token.as_ref())
                    .copied(),
                Value::Object(_) => node.get(&token),
                Value::Array(items) => token
                    .parse::<usize>()
                    .ok()
                    .filter(|_| token == "0" || !token.starts_with('0'))
                    .and_then(|i| items.get(i)),
                _ => None,
            };
            let Some(next) = next else {
                // The tokens that did resolve, for the message.
                let mut path = String::from("#");
                for token in pointer.split('/').take(walked) {
                    path.push('/');
                    path.push_str(&pointer_token(token));
                }
                return Err(unresolved(reference, &format!("no `{token}` in `{path}`")));
            };
            node = next;
        }
        Ok(Resolved::Local(node))
    }

    /// Whether a `$ref`'s URI part names this document (its root `$id`, or that id's last
    /// path segment).
    pub(super) fn is_own_id(&self, base: &str) -> bool {
        let Some(id) = self
            .root
            .get("$id")
            .or_else(|| self.root.get("id"))
            .and_then(Json::as_str)
        else {
            return false;
        };
        let id = id.trim_end_matches('#');
        id == base || id.rsplit('/').next() == Some(base)
    }

    /// Finds the node that declares `$anchor` (or a draft 4-7 fragment `$id` / `id`) `name`.
    pub(super) fn anchor(&mut self, name: &str) -> Option<&'a Json<'a>> {
        let root = self.root;
        let anchors = self.anchors.get_or_insert_with(|| collect_anchors(root));
        anchors.get(name).copied()
    }
}

/// Every anchor in the document, found with an explicit stack.
pub(super) fn collect_anchors<'a>(root: &'a Json<'a>) -> HashMap<String, &'a Json<'a>> {
    let mut anchors = HashMap::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Object(_) => {
                for key in ["$anchor", "$dynamicAnchor"] {
                    if let Some(name) = node.get(key).and_then(Json::as_str) {
                        anchors.entry(name.to_string()).or_insert(node);
                    }
                }
                for key in ["$id", "id"] {
                    if let Some(id) = node.get(key).and_then(Json::as_str) {
                        if let Some((_, name)) = id.split_once('#') {
                            if !name.is_empty() && !name.starts_with('/') {
                                anchors.entry(name.to_string()).or_insert(node);
                            }
                        }
                    }
                }
                stack.extend(entries(node).into_iter().map(|(_, v)| v));
            }
            Value::Array(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
    anchors
}

/// A JSON pointer token with its `~1` / `~0` escapes decoded (borrowed when it has none).
fn pointer_token(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

pub(super) fn unresolved(reference: &str, why: &str) -> SchemaError {
    SchemaError::new(
        codes::INVALID_SCHEMA,
        format!("`$ref` `{reference}` does not resolve: {why}"),
    )
    .with_help("local references look like `#/definitions/name`, `#/$defs/name` or `#`")
}

/// Decodes `%XX` escapes of a URI fragment; `None` if they are malformed or not UTF-8.
pub(super) fn percent_decode(text: &str) -> Option<Cow<'_, str>> {
    if !text.contains('%') {
        return Some(Cow::Borrowed(text));
    }
    let mut bytes = Vec::with_capacity(text.len());
    let mut iter = text.bytes();
    while let Some(b) = iter.next() {
        if b == b'%' {
            let hi = char::from(iter.next()?).to_digit(16)?;
            let lo = char::from(iter.next()?).to_digit(16)?;
            bytes.push(u8::try_from(hi * 16 + lo).ok()?);
        } else {
            bytes.push(b);
        }
    }
    String::from_utf8(bytes).ok().map(Cow::Owned)
}
