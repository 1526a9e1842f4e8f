//! Diagnostics whose mistake is in another document than the compiled text: a value in a
//! connection profile's JSON file. The diagnostic's own `span` and `labels` keep pointing
//! into the compiled text (at the `connection_profile` reference), so every consumer that
//! knows one source still shows something right; [`Origin`] says where the mistake itself
//! is, and the renderers here show both.

use std::fmt;
use std::sync::Arc;

use super::{Diagnostic, JsonDiagnostic, Label};
use crate::span::{LineIndex, Span};

/// The document a diagnostic's mistake is in, when that is not the compiled text.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Origin {
    /// The document's name, e.g. the path of the profiles file.
    pub name: Arc<str>,
    /// The document's text with every secret masked (byte offsets and character columns
    /// are those of the original).
    pub text: Arc<str>,
    /// Where the mistake is in `text`.
    pub span: Span,
    /// Other places in `text` that explain it (e.g. "first set here").
    pub labels: Vec<Label>,
}

impl Origin {
    /// A mistake at `span` of the document `name` (whose masked text is `text`).
    pub(crate) fn new(name: Arc<str>, text: Arc<str>, span: Span) -> Self {
        Origin {
            name,
            text,
            span,
            labels: Vec::new(),
        }
    }
}

impl fmt::Debug for Origin {
    /// The name and the spans; the text is left out (it can be long).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Origin")
            .field("name", &self.name)
            .field("span", &self.span)
            .field("labels", &self.labels)
            .finish()
    }
}

fn positions(index: &LineIndex<'_>, span: Span) -> serde_json::Value {
    if span.is_detached() {
        return serde_json::json!({"line": null, "column": null, "end_line": null, "end_column": null});
    }
    let s = index.line_col(span.start);
    let e = index.line_col(span.end);
    serde_json::json!({"line": s.line, "column": s.column, "end_line": e.line, "end_column": e.column})
}

fn label_json(l: &Label, index: &LineIndex<'_>, file: &str) -> serde_json::Value {
    let mut v = positions(index, l.span);
    if let Some(o) = v.as_object_mut() {
        o.insert("message".into(), l.message.clone().into());
        o.insert("file".into(), file.into());
    }
    v
}

impl JsonDiagnostic {
    /// The `--errors json` object of `d`, a diagnostic of the compiled text `file` (which
    /// `index` was built over), with a `file` key. A diagnostic with an [`Origin`] is
    /// positioned in that document (`file` names it, and its fixes are left out); its
    /// labels are positioned in the document they point into, each naming its `file`.
    pub fn to_json_in(d: &Diagnostic, file: &str, index: &LineIndex<'_>) -> serde_json::Value {
        let Some(origin) = &d.origin else {
            let mut v = serde_json::to_value(JsonDiagnostic::new(d, index))
                .unwrap_or(serde_json::Value::Null);
            if let Some(o) = v.as_object_mut() {
                o.insert("file".into(), file.into());
            }
            return v;
        };
        let origin_index = LineIndex::new(&origin.text);
        let at_origin = Diagnostic {
            span: origin.span,
            labels: Vec::new(),
            fixes: Vec::new(),
            origin: None,
            ..d.clone()
        };
        let mut v = serde_json::to_value(JsonDiagnostic::new(&at_origin, &origin_index))
            .unwrap_or(serde_json::Value::Null);
        let labels: Vec<serde_json::Value> = origin
            .labels
            .iter()
            .map(|l| label_json(l, &origin_index, &origin.name))
            .chain(d.labels.iter().map(|l| label_json(l, index, file)))
            .collect();
        if let Some(o) = v.as_object_mut() {
            o.insert("file".into(), origin.name.as_ref().into());
            o.insert("labels".into(), labels.into());
        }
        v
    }
}
