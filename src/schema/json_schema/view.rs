//! What an expansion works on and produces: views of the schemas that apply at one place,
//! expansion results, notes, and the JSON types as bits.

use super::*;

// ---------------------------------------------------------------------------------------------
// The walker.
// ---------------------------------------------------------------------------------------------

/// What a schema expands to.
#[derive(Clone, Debug)]
pub(super) struct Out {
    pub(super) ty: Ty,
    /// Whether the schema itself admits null (a property's nullability also depends on `required`).
    pub(super) nullable: bool,
    /// How many container levels the type has (0 for a primitive or JSON).
    pub(super) depth: usize,
    /// How many Arrow fields the type holds at every level together (0 for a primitive or
    /// JSON), within [`MAX_EXPANDED_FIELDS`]. Reused expansions share their Arrow types, so
    /// this is counted as the types are built, never by walking them.
    pub(super) fields: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Ty {
    Arrow(DataType),
    Json,
}

impl Out {
    pub(super) fn json(nullable: bool) -> Out {
        Out {
            ty: Ty::Json,
            nullable,
            depth: 0,
            fields: 0,
        }
    }

    /// A primitive Arrow type.
    pub(super) fn scalar(ty: DataType, nullable: bool) -> Out {
        Out::arrow(ty, nullable, 0, 0)
    }

    /// An Arrow type of `depth` container levels holding `fields` fields.
    pub(super) fn arrow(ty: DataType, nullable: bool, depth: usize, fields: usize) -> Out {
        Out {
            ty: Ty::Arrow(ty),
            nullable,
            depth,
            fields,
        }
    }

    pub(super) fn field(&self, name: &str, nullable: bool) -> Field {
        match &self.ty {
            Ty::Arrow(ty) => Field::new(name, ty.clone(), nullable),
            Ty::Json => json_field(name, nullable),
        }
    }

    /// A short name of the type for notes (nested types are not spelled out).
    pub(super) fn describe(&self) -> String {
        match &self.ty {
            Ty::Arrow(DataType::Struct(_)) => "Struct".to_string(),
            Ty::Arrow(DataType::List(_)) => "List".to_string(),
            Ty::Arrow(DataType::Map(..)) => "Map".to_string(),
            Ty::Arrow(ty) => ty.to_string(),
            Ty::Json => "JSON".to_string(),
        }
    }
}

/// A note before its message is rendered; `path` is relative inside memoized expansions.
#[derive(Clone, Debug)]
pub(super) struct Note {
    pub(super) code: Code,
    pub(super) path: String,
    /// Where in the schema text (`DETACHED`: the schema as a whole).
    pub(super) span: Span,
    pub(super) detail: String,
}

/// A finished expansion, reused wherever the same schema is reached again.
pub(super) struct Memo {
    pub(super) out: Out,
    pub(super) notes: Vec<Note>,
}

/// The outcome of [`Walker::lookup`].
pub(super) enum Lookup {
    /// The view needs no (further) expansion.
    Done(Out),
    /// The view must be expanded; its memo key.
    Miss(Vec<usize>),
}

/// What [`Walker::classify`] decided.
pub(super) enum Shape {
    Done(Out),
    Array,
    Object,
}

/// Why a schema became JSON without being looked at.
#[derive(Clone)]
pub(super) enum Cut {
    /// A `$ref` (its text and the span of its value) back into a schema being expanded.
    Recursive(String, Span),
    /// A `$ref` to another document.
    Remote(String, Span),
}

/// The schemas that apply together at one place: a schema with its `$ref` target and its
/// `allOf` members, flattened. Keywords are read from all `parts`; `alts` are the `anyOf` /
/// `oneOf` lists still to be distributed. `visited` records how each node was reached, so
/// that a child knows the chain of schemas it sits in (for recursion checks).
#[derive(Clone, Default)]
pub(super) struct View<'a> {
    pub(super) parts: Vec<Part<'a>>,
    pub(super) alts: Vec<Alt<'a>>,
    pub(super) visited: Vec<Visit>,
    /// The `false` schema that applies, if one does: the view matches nothing.
    pub(super) never: Option<Span>,
    pub(super) cut: Option<Cut>,
    /// The schema the view was entered at, for errors about it as a whole.
    pub(super) at: Span,
}

/// A schema object with keywords that shape the type; `at` indexes `View::visited`.
#[derive(Clone, Copy)]
pub(super) struct Part<'a> {
    pub(super) node: &'a Json<'a>,
    pub(super) at: usize,
}

/// An `anyOf` / `oneOf` list and the schema that holds it.
#[derive(Clone, Copy)]
pub(super) struct Alt<'a> {
    pub(super) keyword: &'static str,
    /// The span of the keyword.
    pub(super) key: Span,
    pub(super) list: &'a Json<'a>,
    pub(super) at: usize,
}

/// A node reached while flattening, and the node (index in `View::visited`) that led to it.
#[derive(Clone, Copy)]
pub(super) struct Visit {
    pub(super) id: usize,
    pub(super) parent: Option<usize>,
}

impl<'a> View<'a> {
    /// The nodes on the way from the view's entry to the node at `at`: the schemas a child
    /// of that node is nested in.
    pub(super) fn chain(&self, at: usize, out: &mut Vec<usize>) {
        let mut next = Some(at);
        // The parent links only point backwards, so this walk ends; the bound is a guard.
        let mut guard = self.visited.len();
        while let (Some(i), true) = (next, guard > 0) {
            guard -= 1;
            let Some(visit) = self.visited.get(i) else {
                break;
            };
            out.push(visit.id);
            next = visit.parent;
        }
    }

    /// Whether the node `id` was visited; `seen` indexes the visits once there are many,
    /// so that a long `allOf` list is not quadratic.
    pub(super) fn contains(&self, id: usize, seen: &mut Option<IdentSet>) -> bool {
        const SCAN: usize = 16;
        if let Some(set) = seen {
            return set.contains(&id);
        }
        if self.visited.len() <= SCAN {
            return self.visited.iter().any(|v| v.id == id);
        }
        let set: IdentSet = self.visited.iter().map(|v| v.id).collect();
        let found = set.contains(&id);
        *seen = Some(set);
        found
    }

    pub(super) fn nodes(&self) -> Vec<&'a Json<'a>> {
        self.parts.iter().map(|p| p.node).collect()
    }
}

/// The keywords that affect the Arrow type (everything else is an annotation or validation).
pub(super) const SHAPE_KEYWORDS: &[&str] = &[
    "type",
    "properties",
    "required",
    "items",
    "prefixItems",
    "additionalProperties",
    "patternProperties",
    "enum",
    "const",
    "format",
    "contentEncoding",
    "nullable",
];

/// What [`Walker::flatten`] reads of a schema object, found in one pass over its members
/// (one scan per keyword was the costliest part of flattening). Of a repeated key, the
/// value is the last one (as `Json::get` reads it) and the position the first.
#[derive(Default)]
pub(super) struct Keywords<'a> {
    /// Whether any of [`SHAPE_KEYWORDS`] is present.
    pub(super) shape: bool,
    /// The position of `properties`.
    pub(super) properties: Option<usize>,
    /// `allOf` and its position.
    pub(super) all_of: Option<(&'a Json<'a>, usize)>,
    /// `$ref`, `$dynamicRef` and `$recursiveRef`, each with its position.
    pub(super) refs: [Option<(&'a Json<'a>, usize)>; 3],
    /// The `anyOf` and `oneOf` members.
    pub(super) any_of: Option<&'a json::Member<'a>>,
    pub(super) one_of: Option<&'a json::Member<'a>>,
}

impl<'a> Keywords<'a> {
    pub(super) fn of(node: &'a Json<'a>) -> Self {
        let mut k = Keywords::default();
        let last_first = |slot: &mut Option<(&'a Json<'a>, usize)>, value, i| {
            *slot = Some((value, slot.map_or(i, |(_, first)| first)));
        };
        for (i, m) in node.members().unwrap_or_default().iter().enumerate() {
            match m.key.as_ref() {
                "properties" => {
                    k.shape = true;
                    k.properties = k.properties.or(Some(i));
                }
                "allOf" => last_first(&mut k.all_of, &m.value, i),
                "$ref" => last_first(&mut k.refs[0], &m.value, i),
                "$dynamicRef" => last_first(&mut k.refs[1], &m.value, i),
                "$recursiveRef" => last_first(&mut k.refs[2], &m.value, i),
                "anyOf" => k.any_of = Some(m),
                "oneOf" => k.one_of = Some(m),
                key => k.shape |= SHAPE_KEYWORDS.contains(&key),
            }
        }
        k
    }

    /// The reference that applies (`$ref` before `$dynamicRef` before `$recursiveRef`).
    pub(super) fn reference(&self) -> Option<(&'a Json<'a>, usize)> {
        self.refs.iter().find_map(|r| *r)
    }
}

// The JSON types as bits, so that `type` lists can be intersected (`allOf`) and united.
pub(super) const T_NULL: u8 = 1;
pub(super) const T_BOOL: u8 = 2;
pub(super) const T_INT: u8 = 4;
pub(super) const T_NUM: u8 = 8;
pub(super) const T_STR: u8 = 16;
pub(super) const T_ARR: u8 = 32;
pub(super) const T_OBJ: u8 = 64;
pub(super) const T_ANY: u8 = 127;

/// Where a `$ref` points.
pub(super) enum Resolved<'a> {
    Local(&'a Json<'a>),
    Remote,
}
